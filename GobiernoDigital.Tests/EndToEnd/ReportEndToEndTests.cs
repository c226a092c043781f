using System.Text.RegularExpressions;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The committee report printed by a real Chromium: print emulation of <c>/informe</c> on the seeded app, saved as an
/// A4 or Letter PDF (<c>page.PdfAsync</c>), read back with <see cref="ChromiumPdf"/>. Skipped without Chromium (failed instead
/// when <c>E2E_REQUIRED=1</c>).
/// </summary>
public sealed partial class ReportEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    /// <summary>The seed's headline, as the report prints it (16 categories measured, 640 ÷ 16).</summary>
    private const string Headline = "Porcentaje de Cumplimiento de Gobierno Digital: 40,0 %";

    private const int MaxPages = 3;

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Print_SeedReport_AtMostThreePagesWithTheHeadlineAndNoNavigation(string paper)
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/informe");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Informe para el Comité Institucional de Gestión y Desempeño" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("imprimir")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("cifra")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cifra")).ToHaveTextAsync(Headline);
        await Expect(page.GetByTestId("tabla-categorias").GetByTestId("fila-categoria")).ToHaveCountAsync(17);
        await Expect(page.GetByTestId("informe-herramientas")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("imprimir")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();

        var pdf = await PrintAsync(page, paper, $"informe-{paper}.pdf");

        Assert.Equal(pdf.DeclaredPageCount, pdf.PageCount);
        output.WriteLine($"El informe impreso en {paper} tiene {pdf.PageCount} páginas.");
        Assert.InRange(pdf.PageCount, 1, MaxPages);
        var pages = pdf.PageTexts.Select(Flatten).ToList();
        Assert.Contains(Headline, pages[0], StringComparison.Ordinal);
        var text = string.Join(' ', pages);
        Assert.Contains("Concejo Municipal de Cartago · NIT 900.215.967-5", text, StringComparison.Ordinal);
        Assert.Contains("16 de 17 categorías medidas", text, StringComparison.Ordinal);
        Assert.Contains("Categorías de la vigencia 2023", text, StringComparison.Ordinal);
        Assert.Contains("Capacidades Institucionales", text, StringComparison.Ordinal);
        Assert.Contains("Cambios desde la vigencia anterior", text, StringComparison.Ordinal);
        Assert.Contains("Vencen en los próximos 30 días", text, StringComparison.Ordinal);
        Assert.Contains("640,0 ÷ 16,0 = 40,0 %", text, StringComparison.Ordinal);

        // Nothing of the app's chrome or the screen toolbar reaches the paper.
        Assert.DoesNotContain("Imprimir / Guardar como PDF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Descargar .xlsx", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Resumen de cumplimiento", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Iniciar sesión", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Saltar al contenido", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Política de Gobierno Digital · FURAG", text, StringComparison.Ordinal);

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Print_Overview_MorePagesThanTheReportAllowed_SoThePageCountCanFail()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/");
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("40,0 %");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var pdf = await PrintAsync(page, "A4", "resumen-A4.pdf");

        output.WriteLine($"El resumen impreso en A4 tiene {pdf.PageCount} páginas.");
        Assert.Equal(pdf.DeclaredPageCount, pdf.PageCount);
        Assert.True(pdf.PageCount > MaxPages, $"The overview printed on {pdf.PageCount} pages: it no longer proves that the report's page count can fail.");
        Assert.Contains("Cumplimiento de la Política de Gobierno Digital", Flatten(pdf.PageTexts[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintButton_Click_OpensTheBrowsersPrintDialogThroughTheModule()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;
        // Stands in for the dialog, which a headless browser cannot show: counts the calls instead.
        await page.AddInitScriptAsync("window.__printCalls = 0; window.print = () => { window.__printCalls++; };");

        await dashboard.OpenAsync("/informe");
        await page.GetByTestId("imprimir").ClickAsync();

        await page.WaitForFunctionAsync("() => window.__printCalls === 1");
        var download = page.GetByTestId("descargar-xlsx");
        Assert.EndsWith("/exportar/informe.xlsx?vigencia=2023", await download.GetAttributeAsync("href"), StringComparison.Ordinal);
        dashboard.AssertNoErrors();
    }

    /// <summary>Prints the page on <paramref name="paper"/> ("A4", "Letter"), keeps the PDF under the test output's <c>artifacts/</c> folder, and reads it.</summary>
    private async Task<ChromiumPdf> PrintAsync(IPage page, string paper, string fileName)
    {
        var bytes = await page.PdfAsync(new() { Format = paper, PrintBackground = true });
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        output.WriteLine($"PDF: {path}");
        TestContext.Current.AddAttachment(fileName, bytes, "application/pdf");
        return ChromiumPdf.Read(bytes);
    }

    /// <summary>The text with every run of white space (line ends included) as one space.</summary>
    private static string Flatten(string text) => WhiteSpace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
