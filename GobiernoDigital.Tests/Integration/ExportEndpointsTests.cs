using System.Net;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The downloads over HTTP, against the seed (vigencia 2023 only: 17 categories, 40,0 %).</summary>
public sealed class ExportEndpointsTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvType = "text/csv; charset=utf-8";

    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/exportar/puntajes.xlsx?vigencia=2023", XlsxType, "puntajes-2023.xlsx")]
    [InlineData("/exportar/puntajes.csv?vigencia=2023", CsvType, "puntajes-2023.csv")]
    [InlineData("/exportar/puntajes.xlsx", XlsxType, "puntajes-historico.xlsx")]
    [InlineData("/exportar/puntajes.csv", CsvType, "puntajes-historico.csv")]
    [InlineData("/exportar/plantilla.xlsx", XlsxType, "plantilla-puntajes-2024.xlsx")]
    [InlineData("/exportar/plantilla.csv", CsvType, "plantilla-puntajes-2024.csv")]
    public async Task Get_Download_RightContentTypeAndFileName(string path, string contentType, string fileName)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(fileName, disposition?.FileName);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task GetScoresCsv_Vigencia2023_17RowsAndTheFigureReads40Comma0()
    {
        var records = SpreadsheetFiles.CsvRecords(await BytesAsync("/exportar/puntajes.csv?vigencia=2023"));

        Assert.Equal(ScoreColumns.All, records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(17, rows.Count);
        var figure = ScoreColumns.All.ToList().IndexOf(ScoreColumns.Percentage);
        Assert.All(rows, r => Assert.Equal("40,0", r[figure]));
        Assert.All(rows, r => Assert.Equal("16 de 17 categorías medidas", r[^1]));
        // Gobierno de TI has no score in the plan: "Sin medición", not 0, and no gap.
        var gobierno = rows.Single(r => r[2] == "Gobierno de TI");
        Assert.Equal("Sin medición", gobierno[4]);
        Assert.Equal(string.Empty, gobierno[6]);
        Assert.Equal("40,0", rows.Single(r => r[2] == "Transparencia")[4]);
    }

    [Fact]
    public async Task GetScoresXlsx_History_ResumenHasTheSeedSums()
    {
        var xlsx = await BytesAsync("/exportar/puntajes.xlsx");

        Assert.Equal(17, SpreadsheetFiles.Rows(xlsx, "Puntajes").Count);
        var summary = Assert.Single(SpreadsheetFiles.Rows(xlsx, "Resumen"));
        Assert.Equal("Concejo Municipal de Cartago", summary["Entidad"]);
        Assert.Equal(640d, summary["Σ peso·puntaje"]);
        Assert.Equal(16d, summary["Σ peso"]);
        Assert.Equal(40d, summary["Porcentaje de cumplimiento"]);
    }

    [Fact]
    public async Task GetTemplateCsv_Seed_OneRowPerCategoryFor2024()
    {
        var records = SpreadsheetFiles.CsvRecords(await BytesAsync("/exportar/plantilla.csv"));

        Assert.Equal(["Vigencia", "Categoría", "Puntaje", "Meta", "Observación"], records[0]);
        Assert.Equal(17, records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal(["2024", "100,0"], [r[0], r[3]]));
    }

    [Theory]
    [InlineData("/exportar/puntajes.csv?vigencia=1999")]
    [InlineData("/exportar/puntajes.xlsx?vigencia=1999")]
    public async Task GetScores_UnknownVigencia_404WithSpanishMessage(string path)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No hay una medición registrada para la vigencia 1999.", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-2023")]
    [InlineData("2023.5")]
    public async Task GetScores_MalformedVigencia_400WithSpanishMessage(string vigencia)
    {
        using var response = await _client.GetAsync($"/exportar/puntajes.csv?vigencia={Uri.EscapeDataString(vigencia)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"«{vigencia}» no es una vigencia válida: escriba un año, por ejemplo 2023.", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<byte[]> BytesAsync(string path)
    {
        using var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
