using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The dashboard in a real browser: the real app on Kestrel, seeded from data/, driven by Playwright in Chromium.
/// Skipped without Chromium (failed instead when <c>E2E_REQUIRED=1</c>, as in CI).
/// </summary>
public sealed partial class OverviewEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    /// <summary>The seed's Porcentaje de Cumplimiento for its only vigencia, as the page prints it.</summary>
    private const string SeedPercentage = "40,0 %";

    [Fact]
    public async Task Overview_opens_a_category_from_its_link_and_back_returns_to_the_overview()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/");
        await ExpectOverviewAsync(page);

        var screenshot = await SaveScreenshotAsync(page, "overview.png");
        output.WriteLine($"Captura de la vista general: {screenshot}");
        TestContext.Current.AddAttachment("overview.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
        Assert.True(new FileInfo(screenshot).Length > 20_000, $"The screenshot {screenshot} is suspiciously small.");

        var link = TransparenciaRow(page).GetByRole(AriaRole.Link, new() { Name = "Transparencia", Exact = true });
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.Matches(CategoryPath(), href);

        var historyBefore = await page.EvaluateAsync<int>("history.length");
        await link.ClickAsync();
        await ExpectTransparenciaAsync(page, href);
        var historyAfter = await page.EvaluateAsync<int>("history.length");
        Assert.True(
            historyAfter == historyBefore + 1,
            $"One click on the category link added {historyAfter - historyBefore} history entries: Back would not return to the overview.");

        // One click is one step in the history: Back shows the overview, not the category again.
        await page.GoBackAsync();
        await ExpectBackOnOverviewAsync(page);

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Overview_opens_a_category_from_a_click_on_its_row_and_back_returns_to_the_overview()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/");
        await ExpectOverviewAsync(page);
        var row = TransparenciaRow(page);
        var href = await row.GetByRole(AriaRole.Link, new() { Name = "Transparencia", Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(href);

        // Anywhere on the row but the link: chart-links.js follows the row's link.
        await Expect(page.Locator("[data-testid=cifras].chart-links")).ToHaveCountAsync(1);
        await row.Locator("td[data-label='Componente']").ClickAsync();
        await ExpectTransparenciaAsync(page, href);

        await page.GoBackAsync();
        await ExpectBackOnOverviewAsync(page);

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Overview_opens_a_category_from_the_radar_and_from_the_gap_chart()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/");
        await ExpectOverviewAsync(page);
        var colaboracionHref = await page.GetByTestId("tabla-categorias")
            .GetByRole(AriaRole.Link, new() { Name = "Colaboración", Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(colaboracionHref);

        // The radar's axis label of Colaboración, once chart-links.js has wired the overview's figures (it marks them .chart-links).
        await Expect(page.Locator("[data-testid=cifras].chart-links .radar")).ToHaveCountAsync(1);
        await page.Locator(".radar text.mud-chart-axis-label", new() { HasTextString = "Colaboración" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.At(colaboracionHref).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Colaboración", Exact = true })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await ExpectOverviewAsync(page);

        // The gap chart puts Colaboración first (most points to gain, 6,25): its leftmost bar opens it.
        var bars = page.Locator(".gap-chart path.mud-chart-bar");
        await Expect(bars).ToHaveCountAsync(32); // 16 measured categories × (puntaje, brecha)
        await Expect(page.Locator("[data-testid=cifras].chart-links .gap-chart")).ToHaveCountAsync(1);
        await page.Locator(".gap-chart").ScrollIntoViewIfNeededAsync(); // the mouse clicks in viewport coordinates
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < await bars.CountAsync(); i++)
        {
            if (await bars.Nth(i).BoundingBoxAsync() is { } box)
            {
                boxes.Add(box);
            }
        }

        // Colaboración scores 0, so its "Puntaje" bar has no height: click its "Brecha" bar, the tallest at that x.
        var leftmost = boxes.OrderBy(b => Math.Round(b.X + (b.Width / 2))).ThenByDescending(b => b.Height).First();
        await page.Mouse.ClickAsync(leftmost.X + (leftmost.Width / 2), leftmost.Y + (leftmost.Height / 2));
        await Expect(page).ToHaveURLAsync(app.At(colaboracionHref).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Colaboración", Exact = true })).ToBeVisibleAsync();

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Unknown_category_shows_the_spanish_not_found_page_without_an_error()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        var response = await dashboard.OpenAsync("/categorias/999999");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Página no encontrada" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "resumen de cumplimiento", Exact = true })).ToBeVisibleAsync();

        // Let the circuit's own render of the page finish before looking for an error.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Página no encontrada" })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByText("No pudimos mostrar esta parte de la página")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Ocurrió un error inesperado")).ToHaveCountAsync(0);
        await Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0);

        // The browser reports the 404 of the document itself; anything else is an error of the page.
        dashboard.AssertNoErrors(e => e.Contains("status of 404", StringComparison.Ordinal) && e.Contains("/categorias/999999", StringComparison.Ordinal));
    }

    private static ILocator TransparenciaRow(IPage page) =>
        page.GetByTestId("tabla-categorias").Locator("tbody tr").Filter(new()
        {
            Has = page.GetByRole(AriaRole.Link, new() { Name = "Transparencia", Exact = true }),
        });

    private async Task ExpectTransparenciaAsync(IPage page, string href)
    {
        await Expect(page).ToHaveURLAsync(app.At(href).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Transparencia", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Hallazgos del plan de mejoramiento" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hallazgos")).ToBeVisibleAsync();
    }

    private async Task ExpectBackOnOverviewAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(app.RootUri.ToString());
        await ExpectOverviewAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hallazgos del plan de mejoramiento" })).ToHaveCountAsync(0);
    }

    private static async Task ExpectOverviewAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Cumplimiento de la Política de Gobierno Digital" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("porcentaje")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync(SeedPercentage);
        await Expect(page.GetByTestId("tabla-categorias").GetByRole(AriaRole.Link, new() { Name = "Transparencia", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>A full-page PNG under the test output's <c>artifacts/</c> folder; returns its path.</summary>
    private static async Task<string> SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(File.Exists(path), $"No screenshot at {path}.");
        return path;
    }

    [GeneratedRegex(@"^/categorias/\d+$")]
    private static partial Regex CategoryPath();
}
