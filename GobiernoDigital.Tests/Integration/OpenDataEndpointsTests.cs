using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The real app on the seed plus, written through the domain after start-up: vigencia 2024 (Colaboración «No aplica»,
/// scores with decimals, an official index, Transparencia with weight 2 and a meta of 80), three peer averages, and a
/// saved simulator scenario that must never be published.
/// </summary>
public sealed class OpenDataAppFactory : DashboardAppFactory, IAsyncLifetime
{
    public const string ScenarioName = "Escenario que no se publica";
    public const decimal ScenarioScore = 99.9m;

    public async ValueTask InitializeAsync()
    {
        _ = Services; // Starts the app: it migrates and seeds the database.
        await using var db = Database.CreateDbContext();
        var categories = await db.Categories.OrderBy(c => c.Id).ToListAsync();
        var transparencia = categories.Single(c => c.Name == "Transparencia");
        var colaboracion = categories.Single(c => c.Name == "Colaboración");
        transparencia.SetWeight(2m);

        var measurement = new Measurement(2024, new DateOnly(2025, 6, 13), MeasurementSource.ResultadoOficialFurag, 58.7m);
        foreach (var (category, i) in categories.Select((c, i) => (c, i)))
        {
            measurement.SetScore(category, category == colaboracion ? Score.NotApplicable : Score.Measured(10m + (i * 4.5m)));
        }

        measurement.Touch();
        db.Measurements.Add(measurement);
        db.Targets.Add(new Target(transparencia.Id, 2024, 80m));
        db.PeerAverages.AddRange(
            new PeerAverage(transparencia.Id, 2023, 51.2m),
            new PeerAverage(colaboracion.Id, 2023, 33.3m),
            new PeerAverage(transparencia.Id, 2024, 60.1m));
        db.Scenarios.Add(new Scenario(ScenarioName, 2023, [new ScenarioValue(transparencia.Id, ScenarioScore)], "editora", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync();
    }
}

public sealed class OpenDataEndpointsTests(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private const string CsvPath = "/api/datos-abiertos/puntajes.csv";
    private const string JsonPath = "/api/datos-abiertos/puntajes.json";

    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(CsvPath, "text/csv")]
    [InlineData(JsonPath, "application/json")]
    public async Task Get_Anonymously_200InUtf8WithoutBomOpenToAnyOrigin(string path, string mediaType)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [Fact]
    public async Task GetCsv_ParsedBack_SameFiguresAsTheDatabase()
    {
        var records = SpreadsheetFiles.CsvRecords(await BytesAsync(CsvPath), separator: ',');
        var header = records[0].ToList();
        var rows = records.Skip(1).Select(r => header.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();

        Assert.Equal(OpenDataFields.CsvHeader, header);
        var expected = await ExpectedAsync();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var e in expected)
        {
            var row = Assert.Single(rows, r => r["vigencia"] == e.Vigencia.ToString(CultureInfo.InvariantCulture) && r["categoria"] == e.Category);
            var context = $"{e.Vigencia} {e.Category}";
            Assert.True(e.Component == row["componente"], context);
            Assert.True(e.Weight == Number(row["peso"]), context);
            Assert.True(e.Score == Number(row["puntaje"]), context);
            Assert.True(e.Status == row["estado"], context);
            Assert.True(e.Target == Number(row["meta"]), context);
            Assert.True(e.Gap == Number(row["brecha"]), context);
            Assert.True(e.PeerAverage == Number(row["promedio_grupo_par"]), context);
            Assert.True(e.Percentage == Number(row["porcentaje_cumplimiento"]), context);
            Assert.True(e.Measured == int.Parse(row["categorias_medidas"], CultureInfo.InvariantCulture), context);
            Assert.True(e.Total == int.Parse(row["categorias_total"], CultureInfo.InvariantCulture), context);
            Assert.True(e.WeightedSum == Number(row["suma_peso_por_puntaje"]), context);
            Assert.True(e.WeightSum == Number(row["suma_pesos"]), context);
            Assert.True(e.Source == row["fuente_medicion"], context);
            Assert.True(e.Date == (row["fecha_medicion"] is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null), context);
            Assert.True(e.OfficialIndex == Number(row["indice_oficial"]), context);
        }

        AssertTheDataIsWorthComparing(expected);
    }

    [Fact]
    public async Task GetJson_ParsedBack_SameFiguresAsTheDatabase()
    {
        using var json = JsonDocument.Parse(await BytesAsync(JsonPath));
        var vigencias = json.RootElement.GetProperty("vigencias").EnumerateArray().ToList();

        var expected = await ExpectedAsync();
        Assert.Equal(expected.Select(e => e.Vigencia).Distinct(), vigencias.Select(v => v.GetProperty("vigencia").GetInt32()));
        Assert.Equal(expected.Count, vigencias.Sum(v => v.GetProperty("categorias").GetArrayLength()));
        foreach (var e in expected)
        {
            var vigencia = vigencias.Single(v => v.GetProperty("vigencia").GetInt32() == e.Vigencia);
            var category = vigencia.GetProperty("categorias").EnumerateArray().Single(c => c.GetProperty("categoria").GetString() == e.Category);
            var context = $"{e.Vigencia} {e.Category}";
            Assert.True(e.Component == category.GetProperty("componente").GetString(), context);
            Assert.True(e.Weight == category.GetProperty("peso").GetDecimal(), context);
            Assert.True(e.Score == Number(category.GetProperty("puntaje")), context);
            Assert.True(e.Status == category.GetProperty("estado").GetString(), context);
            Assert.True(e.Target == category.GetProperty("meta").GetDecimal(), context);
            Assert.True(e.Gap == Number(category.GetProperty("brecha")), context);
            Assert.True(e.PeerAverage == Number(category.GetProperty("promedio_grupo_par")), context);
            Assert.True(e.Percentage == Number(vigencia.GetProperty("porcentaje_cumplimiento")), context);
            Assert.True(e.Measured == vigencia.GetProperty("categorias_medidas").GetInt32(), context);
            Assert.True(e.Total == vigencia.GetProperty("categorias_total").GetInt32(), context);
            Assert.True(e.WeightedSum == vigencia.GetProperty("suma_peso_por_puntaje").GetDecimal(), context);
            Assert.True(e.WeightSum == vigencia.GetProperty("suma_pesos").GetDecimal(), context);
            Assert.True(e.Source == vigencia.GetProperty("fuente_medicion").GetString(), context);
            Assert.True(e.Date == (vigencia.GetProperty("fecha_medicion").GetString() is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null), context);
            Assert.True(e.OfficialIndex == Number(vigencia.GetProperty("indice_oficial")), context);
        }

        AssertTheDataIsWorthComparing(expected);
    }

    [Fact]
    public async Task GetJson_Metadata_EntityLicenceGeneratedAndDictionary()
    {
        using var json = JsonDocument.Parse(await BytesAsync(JsonPath));
        var root = json.RootElement;

        Assert.Equal("Concejo Municipal de Cartago", root.GetProperty("entidad").GetProperty("nombre").GetString());
        Assert.Equal("CC BY 4.0", root.GetProperty("licencia").GetProperty("nombre").GetString());
        Assert.StartsWith("https://creativecommons.org/licenses/by/4.0", root.GetProperty("licencia").GetProperty("url").GetString(), StringComparison.Ordinal);
        var generated = DateTimeOffset.Parse(root.GetProperty("generado").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, generated.Offset);
        Assert.InRange(generated, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("/datos-abiertos", root.GetProperty("diccionario").GetString(), StringComparison.Ordinal);
        Assert.Contains("FURAG", root.GetProperty("fuente").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CsvPath)]
    [InlineData(JsonPath)]
    public async Task Get_SavedScenarioInTheDatabase_NotPublished(string path)
    {
        await using (var db = app.Database.CreateDbContext())
        {
            // The scenario is there, so its absence below means something.
            var scenario = await db.Scenarios.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(OpenDataAppFactory.ScenarioName, scenario.Name);
        }

        var text = Encoding.UTF8.GetString(await BytesAsync(path));

        Assert.DoesNotContain(OpenDataAppFactory.ScenarioName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenDataAppFactory.ScenarioScore.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.DoesNotContain("escenario", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetDictionaryPage_Anonymously_DescribesEveryFieldAndLinksBothFiles()
    {
        using var response = await _client.GetAsync("/datos-abiertos", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AuthForms.TextAsync(response);
        Assert.Contains("Datos abiertos: puntajes de Gobierno Digital</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{CsvPath}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{JsonPath}\"", html, StringComparison.Ordinal);
        Assert.All(OpenDataFields.All, f => Assert.Contains($">{f.Name}</code>", html, StringComparison.Ordinal));
        Assert.Contains("(campo «estado_medicion»; una provisional puede cambiar): 2023 (definitiva), 2024 (definitiva).", string.Join(' ', html.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    // The seed plus 2024 must hold every case the comparison is meant to cover.
    private static void AssertTheDataIsWorthComparing(IReadOnlyList<ExpectedRow> expected)
    {
        Assert.Equal([2023, 2024], expected.Select(e => e.Vigencia).Distinct());
        Assert.Contains(expected, e => e.Status == "no_aplica");
        Assert.Contains(expected, e => e.Status == "sin_medicion");
        Assert.Equal(3, expected.Count(e => e.PeerAverage is not null));
        Assert.Contains(expected, e => e.Weight != 1m);
        Assert.Contains(expected, e => e.OfficialIndex is not null);
        Assert.Contains(expected, e => e.Score is { } s && s != decimal.Truncate(s));
    }

    private async Task<IReadOnlyList<ExpectedRow>> ExpectedAsync()
    {
        await using var db = app.Database.CreateDbContext();
        var snapshot = await ScoringSnapshot.LoadAsync(db, Ct);
        return snapshot.Measurements
            .SelectMany(m =>
            {
                var report = snapshot.ReportFor(m);
                return report.Categories.Select(c => new ExpectedRow(
                    m.Vigencia,
                    c.Category.ComponentName,
                    c.Category.Name,
                    c.Category.Weight,
                    c.Score.Value,
                    c.Score.Status switch { ScoreStatus.Measured => "medido", ScoreStatus.NotApplicable => "no_aplica", _ => "sin_medicion" },
                    c.Category.Target,
                    c.Gap,
                    snapshot.PeerAverageOf(c.Category.CategoryId, m.Vigencia),
                    report.Percentage is { } p ? decimal.Round(p, 2, MidpointRounding.AwayFromZero) : null,
                    report.Coverage.Measured,
                    report.Coverage.Total,
                    report.WeightedSum,
                    report.WeightSum,
                    m.Source == MeasurementSource.Autodiagnostico ? "autodiagnostico" : "resultado_oficial_furag",
                    m.Date,
                    m.OfficialIndex));
            })
            .ToList();
    }

    private async Task<byte[]> BytesAsync(string path)
    {
        using var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static decimal? Number(string text) =>
        text.Length == 0 ? null : decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static decimal? Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();

    private sealed record ExpectedRow(
        int Vigencia,
        string Component,
        string Category,
        decimal Weight,
        decimal? Score,
        string Status,
        decimal Target,
        decimal? Gap,
        decimal? PeerAverage,
        decimal? Percentage,
        int Measured,
        int Total,
        decimal WeightedSum,
        decimal WeightSum,
        string Source,
        DateOnly? Date,
        decimal? OfficialIndex);
}
