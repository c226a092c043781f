using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// Accounts in a real browser: an Editor signs in on the sign-in page, edits a score and sees the overview change; a
/// Lector signs in and is offered no editing. The class has a <see cref="KestrelDashboardApp"/> of its own, so the
/// edited score never reaches <see cref="OverviewEndToEndTests"/> (which expects the seed's 40,0 %).
/// </summary>
public sealed class AuthEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task SignIn_EditorEditsAScoreThenLectorSignsIn_OnlyTheEditorCanEdit()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "martha.editora", Roles.Editor, "Martha Saldaña");
        await TestUsers.CreateAsync(app.Services, "comite.lector", Roles.Lector, "Comité de Gestión");
        var id = TransparenciaId();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        // The Editor: name in the app bar, the audit menu, the edit button.
        await page.GotoAsync(app.At("/cuenta/ingresar").ToString());
        await dashboard.SignInOnTheOpenPageAsync("martha.editora", app.RootUri);
        await Expect(page.GetByTestId("usuario-actual")).ToHaveTextAsync("Martha Saldaña");
        await Expect(page.GetByTestId("iniciar-sesion")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-auditoria")).ToContainTextAsync("Auditoría");
        await Expect(page.GetByTestId("nav-auditoria")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("40,0 %");

        await dashboard.OpenAsync($"/categorias/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Transparencia", Exact = true })).ToBeVisibleAsync();
        var edit = page.GetByTestId("editar-categoria");
        await Expect(edit).ToHaveTextAsync("Editar puntaje y meta");
        await edit.ClickAsync();
        await Expect(page).ToHaveURLAsync(app.At($"/categorias/{id}/editar").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Editar puntaje y meta: Transparencia" })).ToBeVisibleAsync();

        // 55,5 instead of the seed's 40: (640 − 40 + 55,5) / 16 = 40,97 %.
        var score = page.Locator("input[data-testid='campo-puntaje'], [data-testid='campo-puntaje'] input").First;
        await Expect(score).ToBeEnabledAsync();
        await score.FillAsync("55,5");
        await score.PressAsync("Tab");
        await page.GetByTestId("guardar").ClickAsync();
        await Expect(page.GetByTestId("resultado-edicion")).ToContainTextAsync("Se guardaron el puntaje, la observación y la meta");

        await dashboard.OpenAsync("/");
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("41,0 %");

        // Signing out: back to an anonymous visitor.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(page.GetByTestId("iniciar-sesion")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usuario-actual")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(app.RootUri.ToString());
        await dashboard.WaitForCircuitAsync();

        // The Lector: signs in from the app bar's link, reads, but is offered no editing.
        await page.GetByTestId("iniciar-sesion").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.At("/cuenta/ingresar").ToString());
        await dashboard.SignInOnTheOpenPageAsync("comite.lector", app.RootUri);
        await Expect(page.GetByTestId("usuario-actual")).ToHaveTextAsync("Comité de Gestión");
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("41,0 %");
        await Expect(page.GetByTestId("nav-auditoria")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Auditoría" })).ToHaveCountAsync(0);

        await dashboard.OpenAsync($"/categorias/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Transparencia", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("editar-categoria")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Editar puntaje y meta")).ToHaveCountAsync(0);

        await page.GotoAsync(app.At($"/categorias/{id}/editar").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Acceso denegado" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("campo-puntaje")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("guardar")).ToHaveCountAsync(0);

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task SignIn_AfterOpeningTheEditPageAnonymously_ReturnsToTheEditPage()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "editor.regreso", Roles.Editor, "Editor de Regreso");
        var id = TransparenciaId();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        await page.GotoAsync(app.At($"/categorias/{id}/editar").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Iniciar sesión" })).ToBeVisibleAsync();
        Assert.StartsWith(app.At("/cuenta/ingresar").ToString(), page.Url, StringComparison.Ordinal);

        await dashboard.SignInOnTheOpenPageAsync("editor.regreso", app.At($"/categorias/{id}/editar"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Editar puntaje y meta: Transparencia" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("guardar")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usuario-actual")).ToHaveTextAsync("Editor de Regreso");

        dashboard.AssertNoErrors();
    }

    private int TransparenciaId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
    }
}
