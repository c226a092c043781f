using GobiernoDigital.Core.Identity;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The WCAG 2.1 AA audit (axe-core) of every page, signed out and signed in as an Editor (the users page as an
/// Administrador), of open dialogs and of the overview at a phone's width. Fails on any serious or critical violation.
/// One app and one browser for the class; pages open one after another.
/// </summary>
public sealed class AccessibilityEndToEndTests(
    KestrelDashboardApp app, ChromiumFixture chromium, SignedInSessions sessions, ITestOutputHelper output)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>, IClassFixture<SignedInSessions>
{
    private const string SignedOut = PageAsRole.SignedOut;
    private const string CategoryToken = PageAsRole.CategoryToken;
    private const string ActionToken = PageAsRole.ActionToken;

    /// <summary>Every page, as the role that can open it; ids are the seed's, read at run time.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { SignedOut, "/" },
        { SignedOut, "/?vigencia=2023" },
        { SignedOut, "/?vigencia=1999" },
        { SignedOut, "/categorias" },
        { SignedOut, $"/categorias/{CategoryToken}" },
        { SignedOut, "/mediciones" },
        { SignedOut, "/plan" },
        { SignedOut, "/plan?plazo=rango" },
        { SignedOut, $"/plan/acciones/{ActionToken}" },
        { SignedOut, "/plan/versiones" },
        { SignedOut, "/informe" },
        { SignedOut, "/simulador" },
        { SignedOut, "/proyeccion" },
        { SignedOut, "/datos-abiertos" },
        { SignedOut, "/cuenta/ingresar" },
        { SignedOut, "/cuenta/acceso-denegado" },
        { SignedOut, "/configuracion-inicial/enlace-vencido" },
        { SignedOut, "/categorias/999999" },
        { SignedOut, "/no-existe" },
        { SignedOut, "/Error" },
        { Roles.Editor, "/" },
        { Roles.Editor, "/categorias" },
        { Roles.Editor, $"/categorias/{CategoryToken}" },
        { Roles.Editor, $"/categorias/{CategoryToken}/editar" },
        { Roles.Editor, "/mediciones" },
        { Roles.Editor, "/mediciones/nueva" },
        { Roles.Editor, "/mediciones/2023/editar" },
        { Roles.Editor, "/importar" },
        { Roles.Editor, "/catalogo" },
        { Roles.Editor, "/metas" },
        { Roles.Editor, "/plan" },
        { Roles.Editor, $"/plan/acciones/{ActionToken}" },
        { Roles.Editor, "/plan/acciones/nueva" },
        { Roles.Editor, "/plan/versiones" },
        { Roles.Editor, "/informe" },
        { Roles.Editor, "/simulador" },
        { Roles.Editor, "/proyeccion" },
        { Roles.Editor, "/grupo-par" },
        { Roles.Editor, "/auditoria" },
        { Roles.Editor, "/cuenta/contrasena" },
        { Roles.Editor, "/usuarios" },
        { Roles.Administrador, "/usuarios" },
    };

    /// <summary>Pages whose layout changes most on a phone (400 px wide).</summary>
    public static TheoryData<string> PhonePages => new() { "/", $"/categorias/{CategoryToken}", "/plan", "/simulador" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AsRole_HasNoSeriousOrCriticalViolation(string role, string path)
    {
        await using var dashboard = await OpenAsync(role, path);

        await AxeAudit.AssertNoSeriousViolationsAsync(dashboard.Page, $"{path} ({role})", output.WriteLine);
    }

    [Theory]
    [MemberData(nameof(PhonePages))]
    public async Task Page_AtPhoneWidth_HasNoSeriousOrCriticalViolation(string path)
    {
        await using var dashboard = await OpenAsync(SignedOut, path, new ViewportSize { Width = 400, Height = 800 });

        await AxeAudit.AssertNoSeriousViolationsAsync(dashboard.Page, $"{path} at 400 px", output.WriteLine);
    }

    [Fact]
    public async Task CatalogCategoryDialog_Open_HasNoSeriousOrCriticalViolation()
    {
        await using var dashboard = await OpenAsync(Roles.Editor, "/catalogo");
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Editar Colaboración", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Nombre de la categoría")).ToHaveValueAsync("Colaboración");

        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the catalog's category dialog", output.WriteLine);
    }

    [Fact]
    public async Task ActionCloseDialog_Open_HasNoSeriousOrCriticalViolation()
    {
        await using var dashboard = await OpenAsync(Roles.Editor, $"/plan/acciones/{ActionToken}");
        var page = dashboard.Page;

        await page.GetByTestId("cerrar-accion").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Heading, new() { Name = "Cerrar la acción con su evidencia" })).ToBeVisibleAsync();

        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the action's close dialog", output.WriteLine);
    }

    [Fact]
    public async Task OverviewVigenciaList_Open_HasNoSeriousOrCriticalViolation()
    {
        await using var dashboard = await OpenAsync(SignedOut, "/");
        var page = dashboard.Page;

        await page.GetByTestId("vigencia-select").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "2023" })).ToBeVisibleAsync();

        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the overview with the vigencia list open", output.WriteLine);
    }

    [Fact]
    public async Task PlanDatePicker_Open_HasNoSeriousOrCriticalViolation()
    {
        await using var dashboard = await OpenAsync(SignedOut, "/plan?plazo=rango");
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir el calendario" }).First.ClickAsync();
        await Expect(page.Locator(".mud-picker-calendar-container").First).ToBeVisibleAsync();

        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the plan with a date picker open", output.WriteLine);
    }

    private Task<DashboardPage> OpenAsync(string role, string path, ViewportSize? viewport = null) =>
        PageAsRole.OpenAsync(chromium, sessions, app, role, path, viewport);
}
