using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// An improvement action in a real browser: an Editor closes it with a link as evidence; a reader in a fresh anonymous
/// browser context sees it completed with the link. The class has a <see cref="KestrelDashboardApp"/> of its own.
/// </summary>
public sealed class ActionEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    private const string Link = "https://concejocartago.gov.co/transparencia/innovacion-abierta";

    [Fact]
    public async Task CloseWithEvidence_EditorClosesWithALink_AReaderSeesCompletadaAndTheLink()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "editora.plan", Roles.Editor, "Editora del Plan");
        var id = ColaboracionActionId();
        var actionPath = $"/plan/acciones/{id}";

        await using (var editor = await DashboardPage.CreateAsync(browser, app))
        {
            var page = editor.Page;
            await page.GotoAsync(app.At($"/cuenta/ingresar?ReturnUrl={Uri.EscapeDataString(actionPath)}").ToString());
            await editor.SignInOnTheOpenPageAsync("editora.plan", app.At(actionPath));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Acción de mejora" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("estado-accion")).ToHaveTextAsync("No iniciada");

            await page.GetByTestId("cerrar-accion").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Cerrar la acción con su evidencia" })).ToBeVisibleAsync();
            await dialog.GetByLabel("Enlace de la evidencia (https://…)").FillAsync(Link);
            await dialog.GetByTestId("confirmar-cierre").ClickAsync();

            await Expect(page.GetByTestId("resultado-accion")).ToHaveTextAsync("La acción quedó completada con su evidencia.");
            await Expect(page.GetByTestId("estado-accion")).ToHaveTextAsync("Completada");
            await Expect(page.GetByTestId("avance-accion")).ToHaveTextAsync("100 %");
            editor.AssertNoErrors();
        }

        // A reader: a fresh browser context, never signed in.
        await using var reader = await DashboardPage.CreateAsync(browser, app);
        await reader.OpenAsync(actionPath);
        var readerPage = reader.Page;
        await Expect(readerPage.GetByTestId("iniciar-sesion")).ToBeVisibleAsync();
        await Expect(readerPage.GetByTestId("estado-accion")).ToHaveTextAsync("Completada");
        var link = readerPage.GetByTestId("evidencia").GetByRole(AriaRole.Link, new() { Name = Link });
        await Expect(link).ToHaveAttributeAsync("href", Link);
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(readerPage.GetByTestId("evidencia")).ToContainTextAsync("Registró: Editora del Plan");
        await Expect(readerPage.GetByTestId("acciones-editor")).ToHaveCountAsync(0);

        // And on the plan page: the action's row says Completada at 100 %, and the counter counts it.
        await reader.OpenAsync("/plan");
        var row = readerPage.Locator($"tr[data-testid='accion'][data-action-id='{id}']");
        await Expect(row).ToContainTextAsync("Completada");
        await Expect(row.Locator("td[data-label='Avance']")).ToHaveTextAsync("100 %");
        await Expect(readerPage.GetByTestId("contador-completadas")).ToContainTextAsync("1");
        reader.AssertNoErrors();
    }

    private int ColaboracionActionId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Actions.Where(a => a.Finding.Category.Name == "Colaboración").Select(a => a.Id).Single();
    }
}
