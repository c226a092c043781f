using System.Globalization;
using GobiernoDigital.Core.Identity;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The dashboard on a phone (390 px wide, as an iPhone 12–15): no page scrolls sideways, and the charts whose labels would
/// be a few pixels high give way to a list, or draw larger labels.
/// </summary>
public sealed class PhoneWidthEndToEndTests(
    KestrelDashboardApp app, ChromiumFixture chromium, SignedInSessions sessions, ITestOutputHelper output)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>, IClassFixture<SignedInSessions>
{
    private const string SignedOut = PageAsRole.SignedOut;
    private const string CategoryToken = PageAsRole.CategoryToken;
    private const string ActionToken = PageAsRole.ActionToken;

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The pages people open on a phone, with the role that can open them.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { SignedOut, "/" },
        { SignedOut, "/plan" },
        { SignedOut, $"/categorias/{CategoryToken}" },
        { SignedOut, "/informe" },
        { SignedOut, "/categorias" },
        { SignedOut, "/plan/versiones" },
        { SignedOut, $"/plan/acciones/{ActionToken}" },
        { SignedOut, "/simulador" },
        { SignedOut, "/proyeccion" },
        { SignedOut, "/mediciones" },
        { SignedOut, "/datos-abiertos" },
        { SignedOut, "/cuenta/ingresar" },
        { Roles.Editor, "/mediciones/nueva" },
        { Roles.Editor, "/importar" },
        { Roles.Editor, "/catalogo" },
        { Roles.Editor, "/metas" },
        { Roles.Editor, "/auditoria" },
        { Roles.Editor, "/plan/acciones/nueva" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneWidth_DoesNotScrollSideways(string role, string path)
    {
        await using var dashboard = await OpenAsync(role, path);

        var widths = await dashboard.Page.EvaluateAsync<int[]>(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(
            widths[0] <= widths[1],
            $"{path} ({role}) at 390 px scrolls sideways: the page is {widths[0]} px wide for {widths[1]} px of screen. "
            + "Wider than the screen: " + await WiderThanTheScreenAsync(dashboard.Page));
    }

    [Fact]
    public async Task Overview_AtPhoneWidth_ListsTheCategoriesInsteadOfTheRadarAndTheGapChart()
    {
        await using var dashboard = await OpenAsync(SignedOut, "/");
        var page = dashboard.Page;

        await Expect(page.Locator("figure.radar svg")).ToBeHiddenAsync();
        await Expect(page.Locator("figure.gap-chart svg")).ToBeHiddenAsync();
        var radarList = page.GetByTestId("lista-radar");
        await Expect(radarList).ToBeVisibleAsync();
        await Expect(radarList.Locator("li")).ToHaveCountAsync(17);
        await Expect(radarList).ToContainTextAsync("Transparencia: 40,0 (meta 100,0)");
        await Expect(page.GetByTestId("lista-brechas").Locator("li").First).ToBeVisibleAsync();
        Assert.True(await FontSizeAsync(radarList.Locator("li").First) >= 12, "The radar's list is set smaller than 12 px.");
    }

    [Fact]
    public async Task Overview_AtDesktopWidth_DrawsTheRadarAndHidesItsList()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app, viewport: new ViewportSize { Width = 1366, Height = 900 });
        await dashboard.OpenAsync("/");

        await Expect(dashboard.Page.Locator("figure.radar svg")).ToBeVisibleAsync();
        await Expect(dashboard.Page.GetByTestId("lista-radar")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Projection_AtPhoneWidth_DrawsAxisLabelsAtLeastTenPixelsHigh()
    {
        await using var dashboard = await OpenAsync(SignedOut, "/proyeccion");
        var labels = dashboard.Page.Locator("figure.line-chart svg text");
        await Expect(labels.First).ToBeVisibleAsync();

        var heights = await labels.EvaluateAllAsync<double[]>("texts => texts.map(t => t.getBoundingClientRect().height)");
        output.WriteLine("Alturas de las etiquetas: " + string.Join(", ", heights.Select(h => h.ToString("0.0", CultureInfo.InvariantCulture))));
        Assert.NotEmpty(heights);
        Assert.All(heights.Where(h => h > 0), h => Assert.True(h >= 10, $"An axis label of the projection is {h:0.0} px high at 390 px."));
    }

    private Task<DashboardPage> OpenAsync(string role, string path) => PageAsRole.OpenAsync(chromium, sessions, app, role, path, Phone);

    private static Task<double> FontSizeAsync(ILocator element) =>
        element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    /// <summary>The outermost elements that reach past the screen's right edge, for the failure message.</summary>
    private static Task<string> WiderThanTheScreenAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5);
            return wide.filter(e => !wide.includes(e.parentElement)).slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${typeof e.className === 'string' ? e.className : ''} (right ${Math.round(e.getBoundingClientRect().right)})`)
                .join('; ');
        }
        """);

}
