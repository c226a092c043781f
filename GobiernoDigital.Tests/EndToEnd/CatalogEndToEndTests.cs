using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The catalog and the metas grid in a real browser, from the keyboard: an Editor moves a category down with the
/// «Bajar» button and Enter, sets a meta in the grid, and the overview shows both. The class has an app of its own.
/// </summary>
public sealed class CatalogEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Editor_ReordersByKeyboardAndSetsAMeta_OverviewShowsTheNewOrderAndGap()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "asesor.catalogo", Roles.Editor, "Asesor de Catálogo");
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await page.GotoAsync(app.At("/cuenta/ingresar?ReturnUrl=%2Fcatalogo").ToString());
        await page.Locator("#usuario").FillAsync("asesor.catalogo");
        await page.Locator("#contrasena").FillAsync(TestUsers.Password);
        await page.Locator("#contrasena").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(app.At("/catalogo").ToString());
        await dashboard.WaitForCircuitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Catálogo de componentes y categorías" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bajar Transparencia", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("resultado-catalogo")).ToHaveTextAsync("Se movió «Transparencia» un lugar abajo.");
        await Expect(page.GetByTestId("componente").First.GetByTestId("categoria-nombre").First).ToHaveTextAsync("Colaboración");
        await SaveScreenshotAsync(page, "catalogo.png");

        // The edit dialog opens from the keyboard and Escape closes it without saving.
        await page.GetByRole(AriaRole.Button, new() { Name = "Editar Colaboración", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Nombre de la categoría")).ToHaveValueAsync("Colaboración");
        await SaveScreenshotAsync(page, "catalogo-editar.png");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await dashboard.OpenAsync("/metas");
        var meta = page.GetByRole(AriaRole.Textbox, new() { Name = "Meta de Transparencia en 2023", Exact = true });
        await meta.FillAsync("45,55");
        await meta.PressAsync("Tab");
        await Expect(page.GetByText("La meta admite como máximo un decimal.")).ToBeVisibleAsync();
        await meta.FillAsync("80");
        await meta.PressAsync("Tab");
        await Expect(page.GetByTestId("metas-cambiadas")).ToHaveTextAsync("1 meta cambiada sin guardar.");
        await SaveScreenshotAsync(page, "metas.png");
        await page.GetByTestId("guardar-metas").ClickAsync();
        await Expect(page.GetByTestId("resultado-metas")).ToHaveTextAsync("Se guardó 1 meta.");

        // The overview: Colaboración now first; Transparencia's gap is 80 − 40 = 40.
        await dashboard.OpenAsync("/?vigencia=2023");
        var rows = page.GetByTestId("tabla-categorias").Locator("tbody tr");
        await Expect(rows.First.Locator("a.category-link")).ToHaveTextAsync("Colaboración");
        var transparencia = rows.Filter(new() { Has = page.Locator("a.category-link", new() { HasTextString = "Transparencia" }) });
        await Expect(transparencia.Locator("td[data-label='Meta']")).ToHaveTextAsync("80,0");
        await Expect(transparencia.Locator("td[data-label='Brecha']")).ToHaveTextAsync("40,0");

        dashboard.AssertNoErrors();
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
    }
}
