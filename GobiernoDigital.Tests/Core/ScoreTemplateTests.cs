using System.Text;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// WorkedScoresDatabase: the latest measured vigencia is 2024, so the template is for 2025. Monitoreo was retired from
// 2024; Colaboración already has a meta of 90 for 2025; Plan de seguridad had 75 in 2024; Transparencia had no meta
// row in 2024 (100; its 80 was 2023's).
public sealed class ScoreTemplateTests : WorkedScoresTestBase
{
    private const string CrLf = "\r\n";
    private const int AnyFallback = 2030;

    [Fact]
    public async Task Create_NextVigenciaCategoriesThatApplyWithTheirCurrentMeta()
    {
        var template = ScoreTemplate.Create(await Worked.SnapshotAsync(Ct), AnyFallback);

        Assert.Equal(2025, template.Vigencia);
        Assert.Equal(
            [
                new TemplateRow(2025, "Transparencia", 100m),
                new TemplateRow(2025, "Colaboración", 90m),
                new TemplateRow(2025, "Plan de seguridad", 75m),
                new TemplateRow(2025, "Innovación", 100m),
            ],
            template.Rows);
    }

    [Fact]
    public void Create_NothingMeasured_UsesTheGivenVigencia()
    {
        var empty = new ScoringSnapshot([], [], new Dictionary<(int, int), decimal>());

        var template = ScoreTemplate.Create(empty, 2025);

        Assert.Equal(2025, template.Vigencia);
        Assert.Empty(template.Rows);
        Assert.Equal("plantilla-puntajes-2025.xlsx", template.FileName(SpreadsheetFormat.Xlsx));
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Xlsx_ImportColumnsScoreAndObservationEmptyAndInstructions()
    {
        var xlsx = SpreadsheetFiles.Write(ScoreTemplate.Create(await Worked.SnapshotAsync(Ct), AnyFallback), SpreadsheetFormat.Xlsx);

        Assert.Equal(["Puntajes", "Instrucciones"], SpreadsheetFiles.SheetNames(xlsx));
        Assert.Equal(["Vigencia", "Categoría", "Puntaje", "Meta", "Observación"], SpreadsheetFiles.Headers(xlsx, "Puntajes"));
        var rows = SpreadsheetFiles.Rows(xlsx, "Puntajes");
        Assert.Equal(["Transparencia", "Colaboración", "Plan de seguridad", "Innovación"], rows.Select(r => r["Categoría"]));
        Assert.All(rows, r => Assert.Equal(2025d, r["Vigencia"]));
        Assert.Equal([100d, 90d, 75d, 100d], rows.Select(r => r["Meta"]));
        Assert.All(rows, r => Assert.Null(r["Puntaje"]));
        Assert.All(rows, r => Assert.Null(r["Observación"]));

        var instructions = string.Join("\n", SpreadsheetFiles.Rows(xlsx, "Instrucciones").Select(r => $"{r["Columna"]}: {r["Qué escribir"]}"));
        Assert.Contains("Vigencia: El año medido. La plantilla trae 2025", instructions, StringComparison.Ordinal);
        Assert.Contains("«No aplica»", instructions, StringComparison.Ordinal);
        Assert.Contains("«Sin medición»", instructions, StringComparison.Ordinal);
        Assert.Contains("con coma o con punto (45,5 o 45.5)", instructions, StringComparison.Ordinal);
        Assert.Contains("Observación: Opcional", instructions, StringComparison.Ordinal);
    }

    [CulturedFact(["es-CO", "en-US"])]
    public async Task Write_Csv_ImportColumnsWithDecimalComma()
    {
        var csv = SpreadsheetFiles.Write(ScoreTemplate.Create(await Worked.SnapshotAsync(Ct), AnyFallback), SpreadsheetFormat.Csv);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        Assert.Equal(
            "Vigencia;Categoría;Puntaje;Meta;Observación" + CrLf +
            "2025;Transparencia;;100,0;" + CrLf +
            "2025;Colaboración;;90,0;" + CrLf +
            "2025;Plan de seguridad;;75,0;" + CrLf +
            "2025;Innovación;;100,0;" + CrLf,
            Encoding.UTF8.GetString(csv[3..]));
    }

    [Fact]
    public async Task Write_CategoryNameStartingLikeAFormula_IsNeutralised()
    {
        await Worked.AddScoredCategoryAsync("=HYPERLINK(\"http://ejemplo.com\")", Score.Measured(10m), null, Ct);
        var template = ScoreTemplate.Create(await Worked.SnapshotAsync(Ct), AnyFallback);

        var xlsxNames = SpreadsheetFiles.Rows(SpreadsheetFiles.Write(template, SpreadsheetFormat.Xlsx), "Puntajes").Select(r => r["Categoría"]);
        var csvNames = SpreadsheetFiles.CsvRecords(SpreadsheetFiles.Write(template, SpreadsheetFormat.Csv)).Select(r => r[1]);

        Assert.Contains("'=HYPERLINK(\"http://ejemplo.com\")", xlsxNames);
        Assert.Contains("'=HYPERLINK(\"http://ejemplo.com\")", csvNames);
    }

    [Fact]
    public async Task FileName_NamesTheVigencia()
    {
        var template = ScoreTemplate.Create(await Worked.SnapshotAsync(Ct), AnyFallback);

        Assert.Equal("plantilla-puntajes-2025.xlsx", template.FileName(SpreadsheetFormat.Xlsx));
        Assert.Equal("plantilla-puntajes-2025.csv", template.FileName(SpreadsheetFormat.Csv));
    }
}
