using System.Text;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// The figures expected below are worked out by hand in WorkedScoresDatabase's remarks:
// 2023: (40 + 2·70) / 3 = 60, 2 de 4 medidas; 2024: (55,4 + 2·80 + 60) / 4 = 68,85, 3 de 4 medidas.
public sealed class ScoreExportTests : WorkedScoresTestBase
{
    private const string CrLf = "\r\n";

    // ---- Rows ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_WholeHistory_OldestFirstCategoriesInDisplayOrderOnlyThoseThatApply()
    {
        var export = await ExportAsync(vigencia: null);

        Assert.Null(export.Vigencia);
        Assert.Equal(
            [
                (2023, "Transparencia"), (2023, "Colaboración"), (2023, "Plan de seguridad"), (2023, "Monitoreo"),
                (2024, "Transparencia"), (2024, "Colaboración"), (2024, "Plan de seguridad"), (2024, "Innovación"),
            ],
            export.Rows.Select(r => (r.Vigencia, r.Category)));
        Assert.Equal([2023, 2024], export.Summaries.Select(s => s.Vigencia));
    }

    [Fact]
    public async Task Create_OneVigencia_OnlyItsRows()
    {
        var export = await ExportAsync(2024);

        Assert.Equal(2024, export.Vigencia);
        Assert.All(export.Rows, r => Assert.Equal(2024, r.Vigencia));
        Assert.Equal(4, export.Rows.Count);
        Assert.Equal(2024, Assert.Single(export.Summaries).Vigencia);
    }

    [Fact]
    public async Task Create_VigenciaWithoutMeasurement_IsNull()
    {
        var snapshot = await Worked.SnapshotAsync(Ct);

        Assert.Null(ScoreExport.Create(snapshot, 2022));
    }

    [Fact]
    public async Task Create_GapsAndPercentages_AreTheCalculatorsOwn()
    {
        var snapshot = await Worked.SnapshotAsync(Ct);
        var export = ScoreExport.Create(snapshot)!;

        foreach (var measurement in snapshot.Measurements)
        {
            var report = snapshot.ReportFor(measurement);
            var rows = export.Rows.Where(r => r.Vigencia == measurement.Vigencia).ToList();
            Assert.Equal(report.Categories.Select(c => (c.Category.Name, c.Score, c.Category.Target, c.Gap)), rows.Select(r => (r.Category, r.Score, r.Target, r.Gap)));
            Assert.All(rows, r => Assert.Equal(report.Percentage, r.Percentage));
            Assert.All(rows, r => Assert.Equal(report.Coverage, r.Coverage));
        }

        // And by hand.
        Assert.Equal([40m, 30m, null, null, 44.6m, 20m, 15m, null], export.Rows.Select(r => r.Gap));
        Assert.Equal([60m, 68.85m], export.Summaries.Select(s => s.Percentage));
    }

    // ---- xlsx ----------------------------------------------------------------------------------------------------

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Xlsx_SheetsPuntajesAndResumenWithTheSharedColumnsInOrder()
    {
        var xlsx = SpreadsheetFiles.Write(await ExportAsync(null), SpreadsheetFormat.Xlsx);

        Assert.Equal(["Puntajes", "Resumen"], SpreadsheetFiles.SheetNames(xlsx));
        Assert.Equal(
            ["Vigencia", "Componente", "Categoría", "Peso", "Puntaje", "Meta", "Brecha", "Observación",
             "Porcentaje de cumplimiento de la vigencia", "Cobertura de la vigencia"],
            SpreadsheetFiles.Headers(xlsx, "Puntajes"));
        Assert.Equal(ScoreColumns.All, SpreadsheetFiles.Headers(xlsx, "Puntajes"));
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Xlsx_NumbersAreNumericCellsAndAbsencesAreWords()
    {
        var rows = SpreadsheetFiles.Rows(SpreadsheetFiles.Write(await ExportAsync(2023), SpreadsheetFormat.Xlsx), "Puntajes");

        Assert.Equal(4, rows.Count);
        var transparencia = rows[0];
        Assert.Equal(2023d, transparencia["Vigencia"]);
        Assert.Equal("Gobierno Abierto", transparencia["Componente"]);
        Assert.Equal("Transparencia", transparencia["Categoría"]);
        Assert.Equal(1d, transparencia["Peso"]);
        Assert.Equal(40d, transparencia["Puntaje"]);
        Assert.Equal(80d, transparencia["Meta"]);
        Assert.Equal(40d, transparencia["Brecha"]);
        Assert.Equal("Portal en construcción", transparencia["Observación"]);
        Assert.Equal(60d, transparencia["Porcentaje de cumplimiento de la vigencia"]);
        Assert.Equal("2 de 4 categorías medidas", transparencia["Cobertura de la vigencia"]);

        Assert.Equal(2d, rows[1]["Peso"]);
        Assert.Equal(30d, rows[1]["Brecha"]);

        var plan = rows[2];
        Assert.Equal("No aplica", plan["Puntaje"]);
        Assert.Equal(100d, plan["Meta"]);
        Assert.Null(plan["Brecha"]);

        var monitoreo = rows[3];
        Assert.Equal("Sin medición", monitoreo["Puntaje"]);
        Assert.Null(monitoreo["Brecha"]);
        Assert.Null(monitoreo["Observación"]);
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Xlsx_PercentageKeepsItsExactValue()
    {
        var rows = SpreadsheetFiles.Rows(SpreadsheetFiles.Write(await ExportAsync(2024), SpreadsheetFormat.Xlsx), "Puntajes");

        // 275,4 / 4: the cell keeps 68,85 (its format shows one decimal).
        Assert.All(rows, r => Assert.Equal(68.85d, (double)r["Porcentaje de cumplimiento de la vigencia"]!, 10));
        Assert.Equal(55.4d, (double)rows[0]["Puntaje"]!, 10);
        Assert.Equal(44.6d, (double)rows[0]["Brecha"]!, 10);
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Xlsx_ResumenHasOneRowPerVigenciaWithTheSumsBehindTheFigure()
    {
        var rows = SpreadsheetFiles.Rows(SpreadsheetFiles.Write(await ExportAsync(null), SpreadsheetFormat.Xlsx), "Resumen");

        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Equal(WorkedScoresDatabase.EntityName, first["Entidad"]);
        Assert.Equal(2023d, first["Vigencia"]);
        Assert.Equal(new DateTime(2024, 5, 20), first["Fecha"]);
        Assert.Equal("Autodiagnóstico", first["Fuente"]);
        Assert.Null(first["Índice oficial de Gobierno Digital"]);
        Assert.Equal(60d, first["Porcentaje de cumplimiento"]);
        Assert.Equal(2d, first["Categorías medidas"]);
        Assert.Equal(1d, first["No aplica"]);
        Assert.Equal(1d, first["Sin medición"]);
        Assert.Equal(180d, first["Σ peso·puntaje"]);
        Assert.Equal(3d, first["Σ peso"]);

        var second = rows[1];
        Assert.Equal("Resultado oficial FURAG", second["Fuente"]);
        Assert.Equal(61.2d, (double)second["Índice oficial de Gobierno Digital"]!, 10);
        Assert.Equal(275.4d, (double)second["Σ peso·puntaje"]!, 10);
        Assert.Equal(4d, second["Σ peso"]);
        Assert.Equal(0d, second["No aplica"]);
    }

    // ---- csv -----------------------------------------------------------------------------------------------------

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Csv_Utf8BomSemicolonsCrLfAndDecimalComma()
    {
        var csv = SpreadsheetFiles.Write(await ExportAsync(2023), SpreadsheetFormat.Csv);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Equal(
            "Vigencia;Componente;Categoría;Peso;Puntaje;Meta;Brecha;Observación;Porcentaje de cumplimiento de la vigencia;Cobertura de la vigencia" + CrLf +
            "2023;Gobierno Abierto;Transparencia;1;40,0;80,0;40,0;Portal en construcción;60,0;2 de 4 categorías medidas" + CrLf +
            "2023;Gobierno Abierto;Colaboración;2;70,0;100,0;30,0;;60,0;2 de 4 categorías medidas" + CrLf +
            "2023;Seguridad;Plan de seguridad;1;No aplica;100,0;;;60,0;2 de 4 categorías medidas" + CrLf +
            "2023;Seguridad;Monitoreo;1;Sin medición;100,0;;;60,0;2 de 4 categorías medidas" + CrLf,
            text);
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Csv_PercentageRoundedHalfAwayFromZeroAsTheDashboardShowsIt()
    {
        var records = SpreadsheetFiles.CsvRecords(SpreadsheetFiles.Write(await ExportAsync(2024), SpreadsheetFormat.Csv));

        // 68,85 → 68,9 (banker's rounding would give 68,8); 55,4 and 44,6 are exact.
        Assert.All(records.Skip(1), r => Assert.Equal("68,9", r[8]));
        Assert.Equal(["2024", "Gobierno Abierto", "Transparencia", "1", "55,4", "100,0", "44,6", "", "68,9", "3 de 4 categorías medidas"], records[1]);
        Assert.Equal("Sin medición", records[4][4]);
    }

    [Fact]
    public async Task Write_Csv_ObservationWithSemicolonQuotesAndLineBreak_IsQuotedAndReadsBack()
    {
        const string observation = "Dijo \"listo\"; falta\r\nla evidencia";
        await Worked.AddScoredCategoryAsync("Participación", Score.Measured(10m), observation, Ct);

        var csv = SpreadsheetFiles.Write(await ExportAsync(2023), SpreadsheetFormat.Csv);

        Assert.Contains(";\"Dijo \"\"listo\"\"; falta\r\nla evidencia\";", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        var records = SpreadsheetFiles.CsvRecords(csv);
        Assert.Equal(6, records.Count); // header + 5 categories: the line break did not split the record
        Assert.All(records, r => Assert.Equal(ScoreColumns.All.Count, r.Length));
        Assert.Equal(observation, records.Single(r => r[2] == "Participación")[7]);
    }

    // ---- formula injection ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("=HYPERLINK(\"http://ejemplo.com\",\"clic\")", "+SUM(1,2)")]
    [InlineData("+57 300 000 0000", "-2+3")]
    [InlineData("-Guion inicial", "@SUM(A1)")]
    [InlineData("@Arroba", "=1+1")]
    public async Task Write_CategoryAndObservationStartingLikeAFormula_AreNeutralisedInBothFormats(string category, string observation)
    {
        await Worked.AddScoredCategoryAsync(category, Score.Measured(25.5m), observation, Ct);
        var export = await ExportAsync(2023);

        var xlsxRow = SpreadsheetFiles.Rows(SpreadsheetFiles.Write(export, SpreadsheetFormat.Xlsx), "Puntajes").Single(r => r["Peso"] is 1d && r["Puntaje"] is 25.5d);
        var csvRow = SpreadsheetFiles.CsvRecords(SpreadsheetFiles.Write(export, SpreadsheetFormat.Csv)).Single(r => r[4] == "25,5");

        Assert.Equal("'" + category, xlsxRow["Categoría"]);
        Assert.Equal("'" + observation, xlsxRow["Observación"]);
        Assert.Equal("'" + category, csvRow[2]);
        Assert.Equal("'" + observation, csvRow[7]);
        // The numbers beside them are numbers, not prefixed.
        Assert.Equal(74.5d, xlsxRow["Brecha"]);
        Assert.Equal("74,5", csvRow[6]);
    }

    // ---- file names ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task FileName_VigenciaOrHistory()
    {
        Assert.Equal("puntajes-2023.xlsx", (await ExportAsync(2023)).FileName(SpreadsheetFormat.Xlsx));
        Assert.Equal("puntajes-2023.csv", (await ExportAsync(2023)).FileName(SpreadsheetFormat.Csv));
        Assert.Equal("puntajes-historico.csv", (await ExportAsync(null)).FileName(SpreadsheetFormat.Csv));
        Assert.Equal("puntajes-historico.xlsx", (await ExportAsync(null)).FileName(SpreadsheetFormat.Xlsx));
    }

    [Fact]
    public void Write_EmptyHistory_StillHasTheHeaderRows()
    {
        var empty = new ScoringSnapshot([], [], new Dictionary<(int, int), decimal>());
        var export = ScoreExport.Create(empty)!;

        var xlsx = SpreadsheetFiles.Write(export, SpreadsheetFormat.Xlsx);

        Assert.Empty(export.Rows);
        Assert.Equal(ScoreColumns.All, SpreadsheetFiles.Headers(xlsx, "Puntajes"));
        Assert.Empty(SpreadsheetFiles.Rows(xlsx, "Puntajes"));
        Assert.Equal(ScoreColumns.All, Assert.Single(SpreadsheetFiles.CsvRecords(SpreadsheetFiles.Write(export, SpreadsheetFormat.Csv))));
    }

    private async Task<ScoreExport> ExportAsync(int? vigencia) =>
        ScoreExport.Create(await Worked.SnapshotAsync(Ct), vigencia, WorkedScoresDatabase.EntityName)
        ?? throw new InvalidOperationException($"No measurement for {vigencia}.");
}
