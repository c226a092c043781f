using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The pages as the server prerenders them: status codes and the Spanish text a browser receives.</summary>
public sealed class RoutesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string NotFoundTitle = "Página no encontrada";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task GetOverview_SeededDatabase_PrerendersTheFiguresInSpanish()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"es-CO\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Resumen de cumplimiento · Gobierno Digital</title>", html, StringComparison.Ordinal);
        // Seed, vigencia 2023: 640 points over 16 measured categories.
        Assert.Contains("40,0 %", html, StringComparison.Ordinal);
        Assert.Contains("16 de 17 categorías medidas", html, StringComparison.Ordinal);
        Assert.Contains("Concejo Municipal de Cartago", html, StringComparison.Ordinal);
        Assert.DoesNotContain(NotFoundTitle, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCategory_Transparencia_ListsItsFinding()
    {
        var id = CategoryId("Transparencia");

        var (status, html) = await GetAsync($"/categorias/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 class=\"mud-typography mud-typography-h4\">Transparencia</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Hallazgo 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hallazgo 2", html, StringComparison.Ordinal);
        // data/plan-de-mejoramiento-TI.PL03.json, Transparencia, first paragraph of "mejoras".
        Assert.Contains(
            "1) Implementación de un Portal de Transparencia y Rendición de Cuentas Descripción: Crear un portal específico dentro del sitio web del Concejo Municipal dedicado a la transparencia y la rendición de cuentas.",
            html,
            StringComparison.Ordinal);
        Assert.Contains("del 01/08/2024 al 31/12/2027", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/categorias/999999")]
    [InlineData("/categorias/abc")]
    [InlineData("/no-existe")]
    public async Task Get_UnknownAddress_Returns404WithTheSpanishNotFoundPage(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<html lang=\"es-CO\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>No encontrado · Gobierno Digital</title>", html, StringComparison.Ordinal);
        // The not-found page alone, inside the layout: not a half-rendered category page beside it.
        var heading = Assert.Single(Regex.Matches(html, "<h1[^>]*>([^<]*)<"));
        Assert.Equal(NotFoundTitle, heading.Groups[1].Value);
        Assert.Contains("Concejo Municipal de Cartago", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hallazgos del plan de mejoramiento", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOverview_UnknownVigencia_Returns200WithTheSpanishMessage()
    {
        var (status, html) = await GetAsync("/?vigencia=1999");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No hay una medición registrada para la vigencia 1999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("40,0 %", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-2023")]
    public async Task GetOverview_MalformedVigencia_SaysItIsNotValidInsteadOfAnError(string vigencia)
    {
        var (status, html) = await GetAsync($"/?vigencia={vigencia}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"«{vigencia}» no es una vigencia válida", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No pudimos mostrar esta parte", html, StringComparison.Ordinal);
        Assert.DoesNotContain("40,0 %", html, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Blazor's HTML encoder escapes non-ASCII letters (ó → &#xF3;): compare with the text a reader sees.
        return (response.StatusCode, WebUtility.HtmlDecode(body));
    }

    private int CategoryId(string name)
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == name).Select(c => c.Id).Single();
    }
}
