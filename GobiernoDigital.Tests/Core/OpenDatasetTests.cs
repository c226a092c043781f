using System.Text;
using System.Text.Json;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// The figures expected below are worked out by hand in WorkedScoresDatabase's remarks:
// 2023: (40 + 2·70) / 3 = 60, 2 de 4 medidas; 2024: (55,4 + 2·80 + 60) / 4 = 68,85, 3 de 4 medidas.
public sealed class OpenDatasetTests : WorkedScoresTestBase
{
    private static readonly OpenDataLicence Licence = new("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.es");
    private static readonly DateTimeOffset Generated = new(2026, 3, 10, 10, 30, 15, 789, TimeSpan.FromHours(-5));

    [Fact]
    public async Task Create_WorkedHistory_EveryVigenciaWithItsFigureAndSums()
    {
        var dataset = await DatasetAsync();

        Assert.Equal([2023, 2024], dataset.Vigencias.Select(v => v.Vigencia));
        var v2023 = dataset.Vigencias[0];
        Assert.Equal((60m, 2, 4, 180m, 3m), (v2023.Percentage!.Value, v2023.MeasuredCategories, v2023.TotalCategories, v2023.WeightedSum, v2023.WeightSum));
        Assert.Equal((OpenDataFields.SelfAssessment, new DateOnly(2024, 5, 20), (decimal?)null), (v2023.Source, v2023.Date!.Value, v2023.OfficialIndex));
        var v2024 = dataset.Vigencias[1];
        Assert.Equal((68.85m, 3, 4, 275.4m, 4m), (v2024.Percentage!.Value, v2024.MeasuredCategories, v2024.TotalCategories, v2024.WeightedSum, v2024.WeightSum));
        Assert.Equal((OpenDataFields.OfficialResult, new DateOnly(2025, 4, 30), (decimal?)61.2m), (v2024.Source, v2024.Date!.Value, v2024.OfficialIndex));
    }

    [Fact]
    public async Task Create_AbsentScores_NullWithTheirStatusNeverZero()
    {
        var v2023 = (await DatasetAsync()).Vigencias[0];

        Assert.Equal(["Transparencia", "Colaboración", "Plan de seguridad", "Monitoreo"], v2023.Categories.Select(c => c.Category));
        var transparencia = v2023.Categories[0];
        Assert.Equal((40m, OpenDataFields.Measured, 80m, 40m), (transparencia.Score!.Value, transparencia.Status, transparencia.Target, transparencia.Gap!.Value));
        var plan = v2023.Categories[2];
        Assert.Equal((null, OpenDataFields.NotApplicable, null), (plan.Score, plan.Status, plan.Gap));
        var monitoreo = v2023.Categories[3];
        Assert.Equal((null, OpenDataFields.NotMeasured, null), (monitoreo.Score, monitoreo.Status, monitoreo.Gap));
        Assert.All(v2023.Categories, c => Assert.Null(c.PeerAverage));
    }

    [Fact]
    public async Task Create_PeerAverageRecorded_PublishedWithItsCategory()
    {
        await using (var db = await Worked.Database.CreateDbContextAsync(Ct))
        {
            var colaboracion = await db.Categories.Where(c => c.Name == "Colaboración").Select(c => c.Id).SingleAsync(Ct);
            db.PeerAverages.Add(new PeerAverage(colaboracion, 2024, 64.7m));
            await db.SaveChangesAsync(Ct);
        }

        var dataset = await DatasetAsync();

        Assert.Equal(64.7m, dataset.Vigencias[1].Categories.Single(c => c.Category == "Colaboración").PeerAverage);
        Assert.Single(dataset.Vigencias.SelectMany(v => v.Categories), c => c.PeerAverage is not null);
    }

    [Fact]
    public async Task WriteCsv_WorkedHistory_MachineReadableCommaPointIsoDatesNoBom()
    {
        var bytes = (await DatasetAsync()).ToCsv();

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The open CSV has no byte order mark.");
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        Assert.Equal(string.Join(',', OpenDataFields.CsvHeader), lines[0]);
        Assert.Equal(
            "2023,Gobierno Abierto,Transparencia,1,40,medido,80,40,,60,2,4,180,3,autodiagnostico,definitiva,2024-05-20,",
            lines[1]);
        Assert.Equal(
            "2023,Seguridad,Plan de seguridad,1,,no_aplica,100,,,60,2,4,180,3,autodiagnostico,definitiva,2024-05-20,",
            lines[3]);
        Assert.Equal(
            "2024,Gobierno Abierto,Transparencia,1,55.4,medido,100,44.6,,68.85,3,4,275.4,4,resultado_oficial_furag,definitiva,2025-04-30,61.2",
            lines[5]);
        Assert.Equal(8 + 2, lines.Length); // Header, 8 rows, and the empty text after the last CRLF.
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public async Task WriteCsv_TextWithCommaQuoteAndFormulaSign_QuotedButKeptRaw()
    {
        const string name = "=Datos \"abiertos\", reutilizables";
        await Worked.AddScoredCategoryAsync(name, Score.Measured(10m), null, Ct);

        var text = Encoding.UTF8.GetString((await DatasetAsync()).ToCsv());

        // RFC 4180: quoted, inner quotes doubled; no apostrophe in front of "=" (this file is not for a spreadsheet).
        Assert.Contains(",\"=Datos \"\"abiertos\"\", reutilizables\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteJson_WorkedHistory_NestedVigenciasWithNullsAndMetadata()
    {
        var entity = new OpenDataEntity(WorkedScoresDatabase.EntityName, "900.000.000-1");
        var dataset = await DatasetAsync(entity);

        using var json = JsonDocument.Parse(dataset.ToJson());
        var root = json.RootElement;

        Assert.Equal(OpenDataset.DatasetTitle, root.GetProperty(OpenDataFields.Title).GetString());
        Assert.Equal(WorkedScoresDatabase.EntityName, root.GetProperty(OpenDataFields.Entity).GetProperty("nombre").GetString());
        Assert.Equal("CC BY 4.0", root.GetProperty(OpenDataFields.Licence).GetProperty("nombre").GetString());
        Assert.Equal(Licence.Url, root.GetProperty(OpenDataFields.Licence).GetProperty("url").GetString());
        // ISO 8601 in UTC, to the second: 10:30:15 in Colombia is 15:30:15Z.
        Assert.Equal("2026-03-10T15:30:15Z", root.GetProperty(OpenDataFields.Generated).GetString());
        Assert.Equal("https://ejemplo.gov.co/datos-abiertos", root.GetProperty(OpenDataFields.Dictionary).GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty(OpenDataFields.Origin).GetString()));

        var v2024 = root.GetProperty(OpenDataFields.Vigencias)[1];
        Assert.Equal(2024, v2024.GetProperty(OpenDataFields.Vigencia).GetInt32());
        Assert.Equal(68.85m, v2024.GetProperty(OpenDataFields.Percentage).GetDecimal());
        Assert.Equal("2025-04-30", v2024.GetProperty(OpenDataFields.Date).GetString());
        var innovacion = v2024.GetProperty(OpenDataFields.Categories)[3];
        Assert.Equal("Innovación", innovacion.GetProperty(OpenDataFields.Category).GetString());
        Assert.Equal(JsonValueKind.Null, innovacion.GetProperty(OpenDataFields.Score).ValueKind);
        Assert.Equal(OpenDataFields.NotMeasured, innovacion.GetProperty(OpenDataFields.Status).GetString());
        Assert.Equal(JsonValueKind.Null, innovacion.GetProperty(OpenDataFields.PeerAverage).ValueKind);
        // Every field the dictionary lists at the vigencia and category levels is in the JSON, and nothing else.
        Assert.Equal(
            OpenDataFields.All.Where(f => f.Level == OpenDataLevel.Vigencia).Select(f => f.Name).Append(OpenDataFields.Vigencia).Append(OpenDataFields.Categories).Order(),
            v2024.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(
            OpenDataFields.All.Where(f => f.Level == OpenDataLevel.Category && f.Name != OpenDataFields.Vigencia).Select(f => f.Name).Order(),
            innovacion.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(
            OpenDataFields.All.Where(f => f.Level == OpenDataLevel.Dataset).Select(f => f.Name).Order(),
            root.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task WriteJson_Accents_WrittenAsTheyAre()
    {
        var text = Encoding.UTF8.GetString((await DatasetAsync()).ToJson());

        Assert.Contains("\"Colaboración\"", text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void CsvHeader_EveryName_SnakeCaseAscii()
    {
        Assert.All(OpenDataFields.All, f => Assert.Matches("^[a-z]+(_[a-z]+)*$", f.Name));
        Assert.Equal(OpenDataFields.All.Count, OpenDataFields.All.Select(f => f.Name).Distinct().Count());
    }

    private async Task<OpenDataset> DatasetAsync(OpenDataEntity? entity = null) =>
        OpenDataset.Create(await Worked.SnapshotAsync(Ct), entity, Licence, Generated, "https://ejemplo.gov.co/datos-abiertos");
}
