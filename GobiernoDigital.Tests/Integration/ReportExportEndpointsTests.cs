using System.Net;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The committee report's workbook over HTTP, against the seed (vigencia 2023 only: 17 categories, 40,0 %).</summary>
public sealed class ReportExportEndpointsTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/exportar/informe.xlsx?vigencia=2023")]
    [InlineData("/exportar/informe.xlsx")]
    public async Task Get_Seed_XlsxNamedAfterTheVigencia(string path)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("informe-2023.xlsx", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Get_Seed_ThreeSheetsWithTheFigureAndSeventeenCategories()
    {
        var xlsx = await BytesAsync("/exportar/informe.xlsx?vigencia=2023");

        Assert.Equal([ReportExport.SummarySheetName, ReportExport.CategoriesSheetName, ReportExport.ActionsSheetName], SpreadsheetFiles.SheetNames(xlsx));

        var summary = Assert.Single(SpreadsheetFiles.Rows(xlsx, ReportExport.SummarySheetName));
        Assert.Equal("Concejo Municipal de Cartago", summary["Entidad"]);
        Assert.Equal("900.215.967-5", summary["NIT"]);
        Assert.Equal(2023d, summary["Vigencia"]);
        Assert.Equal(40d, summary[ReportExport.PercentageColumn]);
        Assert.Equal("16 de 17 categorías medidas", summary["Cobertura"]);
        Assert.Equal(640d, summary["Σ peso·puntaje"]);
        Assert.Equal(16d, summary["Σ peso"]);
        Assert.Null(summary["Vigencia anterior"]);
        Assert.Null(summary["Cambio en puntos"]);
        Assert.Equal("TI.PL03", summary["Plan"]);

        var categories = SpreadsheetFiles.Rows(xlsx, ReportExport.CategoriesSheetName);
        Assert.Equal(17, categories.Count);
        var transparencia = categories.Single(r => (string?)r["Categoría"] == "Transparencia");
        Assert.Equal("TIC para Gobierno Abierto", transparencia["Componente"]);
        Assert.Equal([40d, 100d, 60d], new[] { transparencia["Puntaje"], transparencia["Meta"], transparencia["Brecha"] });
        var gobierno = categories.Single(r => (string?)r["Categoría"] == "Gobierno de TI");
        Assert.Equal("Sin medición", gobierno["Puntaje"]);
        Assert.Null(gobierno["Brecha"]);
    }

    [Fact]
    public async Task Get_SeedOnToday_ActionsSheetMatchesTheCountsOfTheSummary()
    {
        // The seed's actions all end on 31/12/2027: the sheet lists whatever is late or due on the real today.
        var xlsx = await BytesAsync("/exportar/informe.xlsx");

        var summary = Assert.Single(SpreadsheetFiles.Rows(xlsx, ReportExport.SummarySheetName));
        var actions = SpreadsheetFiles.Rows(xlsx, ReportExport.ActionsSheetName);
        Assert.Equal(
            ["Lista", "Componente de la acción", "Categoría de la acción", "Acción", "Responsable", "Fecha final", "Estado"],
            SpreadsheetFiles.Headers(xlsx, ReportExport.ActionsSheetName));
        Assert.Equal((double)actions.Count(a => (string?)a["Lista"] == "Vencida"), summary["Acciones vencidas"]);
        Assert.Equal((double)actions.Count(a => (string?)a["Lista"] == "Vence en 30 días"), summary["Acciones que vencen en 30 días"]);
    }

    [Fact]
    public async Task Get_UnknownVigencia_404WithSpanishMessage()
    {
        using var response = await _client.GetAsync("/exportar/informe.xlsx?vigencia=1999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No hay una medición registrada para la vigencia 1999.", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-2023")]
    [InlineData("99999999999")]
    public async Task Get_MalformedVigencia_400WithSpanishMessage(string vigencia)
    {
        using var response = await _client.GetAsync($"/exportar/informe.xlsx?vigencia={Uri.EscapeDataString(vigencia)}", Ct);

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
