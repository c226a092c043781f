using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The peer-group grid in a real browser, by keyboard: an Editor types the averages FURAG published, a bad cell is
/// refused next to itself and nothing is saved, the fixed grid saves, and the overview then compares the entity with
/// its peer group. A <see cref="KestrelDashboardApp"/> of its own keeps the averages away from the other classes.
/// </summary>
public sealed class PeerAverageEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Grid_EditorTypesAveragesByKeyboard_BadCellRefusedThenSavedAndTheOverviewCompares()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "editora.par", Roles.Editor, "Editora del Grupo Par");
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await page.GotoAsync(app.At("/grupo-par").ToString());
        await dashboard.SignInOnTheOpenPageAsync("editora.par", app.At("/grupo-par"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Promedios del grupo par" })).ToBeVisibleAsync();

        // Each cell is a text field named after its category and vigencia; Tab goes down the column, row by row.
        var transparencia = page.GetByLabel("Promedio del grupo par de Transparencia en 2023", new() { Exact = true });
        await transparencia.FocusAsync();
        await page.Keyboard.TypeAsync("55,5");
        await page.Keyboard.PressAsync("Tab");
        var colaboracion = page.GetByLabel("Promedio del grupo par de Colaboración en 2023", new() { Exact = true });
        await Expect(colaboracion).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("45,55");
        await page.Keyboard.PressAsync("Tab");

        var colaboracionCell = page.Locator("td").Filter(new() { Has = colaboracion });
        await Expect(colaboracionCell).ToContainTextAsync(ValidationRules.PeerAverageTooManyDecimals);
        await page.GetByTestId("guardar-grupo-par").ClickAsync();
        await Expect(page.GetByTestId("resultado-grupo-par")).ToHaveTextAsync("Revise las celdas marcadas: no se guardó ningún cambio.");
        Assert.Equal(0, PeerAverageCount());

        await colaboracion.FillAsync("31,2");
        await colaboracion.PressAsync("Tab");
        await Expect(colaboracionCell).Not.ToContainTextAsync(ValidationRules.PeerAverageTooManyDecimals);
        await page.GetByTestId("guardar-grupo-par").ClickAsync();
        await Expect(page.GetByTestId("resultado-grupo-par")).ToHaveTextAsync("Se guardaron 2 celdas.");
        await Expect(transparencia).ToHaveValueAsync("55,5");
        await SaveScreenshotAsync(page, "grupo-par.png");
        Assert.Equal(2, PeerAverageCount());

        // The overview: Transparencia 40 against 55,5, 15,5 points below; the radar has the peer series.
        await dashboard.OpenAsync("/");
        var table = page.GetByTestId("tabla-categorias");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Frente al grupo par" })).ToBeVisibleAsync();
        var row = table.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Transparencia", Exact = true }) });
        await Expect(row.Locator("td[data-label='Grupo par']")).ToHaveTextAsync("55,5");
        await Expect(row.Locator("td[data-label='Frente al grupo par']")).ToHaveTextAsync("−15,5");
        await Expect(page.Locator(".radar .mud-chart-legend-item").Filter(new() { HasText = "Grupo par 2023" })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "resumen-grupo-par.png");

        dashboard.AssertNoErrors();
    }

    private int PeerAverageCount()
    {
        using var db = app.Database.CreateDbContext();
        return db.PeerAverages.Count();
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
    }
}
