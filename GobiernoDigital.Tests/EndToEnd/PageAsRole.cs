using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// Opens a page of the seeded app as a role, as the page-by-page tests do (accessibility, phone width): paths may name the
/// seed's Transparencia (<see cref="CategoryToken"/>) and Colaboración's action (<see cref="ActionToken"/>).
/// </summary>
internal static class PageAsRole
{
    /// <summary>The role of a visitor who has not signed in.</summary>
    public const string SignedOut = "sin sesión";

    /// <summary>Replaced with the seed's id of Transparencia.</summary>
    public const string CategoryToken = "{categoria}";

    /// <summary>Replaced with the seed's id of Colaboración's improvement action.</summary>
    public const string ActionToken = "{accion}";

    /// <summary>Opens <paramref name="path"/> as <paramref name="role"/>, waits for the circuit, the page's h1 and its data.</summary>
    public static async Task<DashboardPage> OpenAsync(
        ChromiumFixture chromium, SignedInSessions sessions, KestrelDashboardApp app, string role, string path, ViewportSize? viewport = null)
    {
        var browser = chromium.RequireBrowser();
        var state = role == SignedOut ? null : await sessions.StorageStateAsync(browser, app, role);
        var dashboard = await DashboardPage.CreateAsync(browser, app, state, viewport);
        await dashboard.Page.GotoAsync(app.At(ResolveIds(app, path)).ToString());
        if (!IsStatic(new Uri(dashboard.Page.Url).AbsolutePath))
        {
            await dashboard.WaitForCircuitAsync();
        }

        await Expect(dashboard.Page.Locator("h1")).ToBeVisibleAsync();

        // The interactive render loads its data again: check the page once its figures are there, not its spinner.
        await Expect(dashboard.Page.Locator(".mud-progress-linear.mud-progress-indeterminate")).ToHaveCountAsync(0);
        return dashboard;
    }

    /// <summary>
    /// The account pages render statically (they post forms and set cookies): no circuit to wait for. A page the role
    /// may not open redirects to one of them.
    /// </summary>
    private static bool IsStatic(string path) =>
        path.StartsWith("/cuenta/", StringComparison.Ordinal) || path.StartsWith("/configuracion-inicial/", StringComparison.Ordinal);

    private static string ResolveIds(KestrelDashboardApp app, string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        using var db = app.Database.CreateDbContext();
        var category = db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
        var action = db.Actions.Where(a => a.Finding.Category.Name == "Colaboración").Select(a => a.Id).Single();
        return path
            .Replace(CategoryToken, category.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(ActionToken, action.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
