using GobiernoDigital.Core.Identity;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The dashboard with the keyboard alone (WCAG 2.1.1 and 2.4.7): Tab reaches the overview's vigencia selector and
/// category links, the catalog's reorder buttons and its edit dialog; Enter operates them, Escape closes the dialog and
/// focus returns to the button that opened it; whatever has focus shows it. The class has an app of its own.
/// </summary>
public sealed class KeyboardEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium, SignedInSessions sessions)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>, IClassFixture<SignedInSessions>
{
    /// <summary>More Tab presses than any page here needs to reach a control; past it, the control is unreachable.</summary>
    private const int MaxTabs = 80;

    /// <summary>
    /// A short description of the focused element, and whether it draws a focus ring of at least 2 px: on itself, or
    /// on the MudBlazor input control around it (app.css rings the whole field while its input has focus).
    /// </summary>
    private const string FocusScript = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) { return { what: 'body', name: '', visible: false }; }
            const name = el.getAttribute('aria-label') || (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 80);
            const ring = node => {
                const style = getComputedStyle(node);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            };
            const control = el.closest('.mud-input-control');
            const visible = ring(el) || (control !== null && ring(control));
            return { what: el.tagName.toLowerCase() + (el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : ''), name, visible };
        }
        """;

    [Fact]
    public async Task Overview_ByKeyboard_SkipsToContentChoosesTheVigenciaAndOpensACategory()
    {
        var browser = chromium.RequireBrowser();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;
        await dashboard.OpenAsync("/");
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("40,0 %");

        // Opening a page puts focus on its h1 (FocusOnNavigate), so the first Tab reaches the vigencia selector.
        await page.Keyboard.PressAsync("Tab");
        var vigencia = page.GetByRole(AriaRole.Combobox, new() { Name = "Vigencia" });
        await Expect(vigencia).ToBeFocusedAsync();
        await ExpectFocusAsync(page, "Vigencia");

        // The vigencia list opens from the keyboard, an option is chosen with the arrows and Enter, focus stays put.
        await page.Keyboard.PressAsync("Enter");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "2023" });
        await Expect(option).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(option).ToBeHiddenAsync();
        await Expect(vigencia).ToBeFocusedAsync();
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("40,0 %");

        // Back through the menu to the skip link, the first stop of the page; Enter on it skips the menu again.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido" }), "Saltar al contenido", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(vigencia).ToBeFocusedAsync();

        // The charts' categories are links in the table below them: Tab reaches the first, Enter opens it.
        var first = page.GetByTestId("tabla-categorias").Locator("a.category-link").First;
        var name = await first.InnerTextAsync();
        await TabToAsync(page, first, name);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name, Exact = true })).ToBeVisibleAsync();

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Catalog_ByKeyboard_MovesACategoryAndTheEditDialogOpensClosesAndReturnsFocus()
    {
        var browser = chromium.RequireBrowser();
        var state = await sessions.StorageStateAsync(browser, app, Roles.Editor);
        await using var dashboard = await DashboardPage.CreateAsync(browser, app, state);
        var page = dashboard.Page;
        await dashboard.OpenAsync("/catalogo");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Catálogo de componentes y categorías" })).ToBeVisibleAsync();

        // «Bajar Transparencia» is in the Tab order; Enter moves the category and focus stays on its button.
        var down = page.GetByRole(AriaRole.Button, new() { Name = "Bajar Transparencia", Exact = true });
        await TabToAsync(page, down, "Bajar Transparencia");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("resultado-catalogo")).ToHaveTextAsync("Se movió «Transparencia» un lugar abajo.");
        await Expect(page.GetByTestId("componente").First.GetByTestId("categoria-nombre").First).ToHaveTextAsync("Colaboración");
        await Expect(down).ToBeFocusedAsync();

        // The edit dialog: Enter opens it with focus inside, Escape closes it unsaved, focus returns to «Editar».
        var edit = page.GetByRole(AriaRole.Button, new() { Name = "Editar Transparencia", Exact = true });
        await TabToAsync(page, edit, "Editar Transparencia");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Nombre de la categoría")).ToHaveValueAsync("Transparencia");
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(edit).ToBeFocusedAsync();
        await ExpectFocusAsync(page, "Editar Transparencia");

        dashboard.AssertNoErrors();
    }

    /// <summary>
    /// Presses Tab (Shift+Tab when <paramref name="backwards"/>) until <paramref name="target"/> has focus, checking on
    /// the way that every stop shows its focus.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target, string what, bool backwards = false)
    {
        var stops = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<FocusInfo>(FocusScript);
            stops.Add($"{focus.What} «{focus.Name}»");
            Assert.True(focus.Visible, $"Focus on {focus.What} «{focus.Name}» shows no focus ring (no outline of 2 px or more).");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached «{what}». Stops: {string.Join(" → ", stops)}");
    }

    private static async Task ExpectFocusAsync(IPage page, string name)
    {
        var focus = await page.EvaluateAsync<FocusInfo>(FocusScript);
        Assert.Contains(name, focus.Name, StringComparison.Ordinal);
        Assert.True(focus.Visible, $"Focus on {focus.What} «{focus.Name}» shows no focus ring (no outline of 2 px or more).");
    }

    /// <summary>What <see cref="FocusScript"/> returns (Playwright fills it through its setters).</summary>
    private sealed class FocusInfo
    {
        public string What { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public bool Visible { get; set; }
    }
}
