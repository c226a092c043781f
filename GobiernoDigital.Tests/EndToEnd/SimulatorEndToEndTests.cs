using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The simulator and the projection in a real browser, on the seed (vigencia 2023: 640 points over 16 categories, 40,0 %).
/// Nothing is saved: these tests only read.
/// </summary>
public sealed class SimulatorEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Simulator_typing_a_score_and_moving_the_slider_with_the_keyboard_update_the_figure()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/simulador");
        var figure = page.Locator("[data-testid=porcentaje-simulado]");
        await Expect(figure).ToHaveTextAsync("40,0 %");

        // (640 + 48) / 16 = 43.
        var box = page.GetByLabel("Puntaje simulado de Colaboración", new() { Exact = true });
        await box.FillAsync("48");
        await Expect(figure).ToHaveTextAsync("43,0 %");
        await Expect(page.Locator("[data-testid=diferencia]")).ToHaveTextAsync("+3,0 puntos");

        // One step of the slider is one point: (640 + 49) / 16 = 43,0625.
        var slider = page.GetByRole(AriaRole.Slider, new() { Name = "Deslizador del puntaje simulado de Colaboración" });
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(figure).ToHaveTextAsync("43,1 %");
        await Expect(box).ToHaveValueAsync("49,0");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restablecer" }).ClickAsync();
        await Expect(figure).ToHaveTextAsync("40,0 %");

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Projection_with_the_seed_shows_the_needed_pace_and_a_chart_for_the_chosen_category()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await dashboard.OpenAsync("/proyeccion");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Proyección al cierre del plan" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=una-medicion]")).ToContainTextAsync("Con una sola medición solo se puede mostrar el ritmo necesario");
        var transparencia = page.Locator("[data-testid=tabla-proyeccion-categorias] tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Transparencia", Exact = true }) });
        await Expect(transparencia.Locator("td[data-label='Ritmo necesario']")).ToHaveTextAsync("15,0");
        await Expect(page.Locator("[data-testid=grafico-proyeccion] svg")).ToHaveCountAsync(2);

        dashboard.AssertNoErrors();
    }
}
