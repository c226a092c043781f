using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Users;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.Integration;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>
/// The page over the real <see cref="UserAdministrationService"/> and Identity stack of a started app (shared by the
/// class; every test uses user names of its own). Only the current user is a fake.
/// </summary>
public sealed class UserListTests : DashboardTestContext, IClassFixture<DashboardAppFactory>
{
    private readonly DashboardAppFactory _app;
    private ICurrentUser _actor = FakeCurrentUser.InRole(Roles.Administrador, "admin.pantalla", "Pantalla Administradora");

    public UserListTests(DashboardAppFactory app)
    {
        _app = app;
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped(_ => new UserAdministrationService(
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>(),
            new AccessGuard(_actor, app.Services.GetRequiredService<IAuthorizationService>()),
            TimeProvider.System));
    }

    [Fact]
    public async Task Render_Administrador_ListsTheUsersWithRoleAndState()
    {
        await TestUsers.CreateAsync(_app.Services, "lista.editora", Roles.Editor, "Laura Editora");
        await TestUsers.CreateAsync(_app.Services, "lista.lector", Roles.Lector, "Luis Lector", disabled: true);

        var cut = RenderPage();

        var editora = Row(cut, "lista.editora");
        Assert.Equal("Laura Editora", Cell(editora, 1));
        Assert.Equal(Roles.Editor, editora.QuerySelector("[data-testid=usuario-rol]")?.TextContent.Trim());
        Assert.Equal("Activa", Cell(editora, 3));
        Assert.NotNull(editora.QuerySelector("[data-testid=deshabilitar]"));
        Assert.NotNull(editora.QuerySelector("[data-testid=restablecer]"));

        var lector = Row(cut, "lista.lector");
        Assert.Equal("Deshabilitada", Cell(lector, 3));
        Assert.NotNull(lector.QuerySelector("[data-testid=habilitar]"));
        Assert.Null(lector.QuerySelector("[data-testid=deshabilitar]"));
        Assert.Empty(cut.FindAll("[data-testid=contrasena-generada]"));
    }

    [Fact]
    public async Task CreateUser_ValidForm_ShowsTheGeneratedPasswordOnce()
    {
        var cut = RenderPage();

        cut.Find("input[data-testid=campo-usuario]").Change("nueva.editora");
        cut.Find("input[data-testid=campo-nombre]").Change("Nora Nueva");
        cut.FindAll("label.mud-radio").Single(r => r.TextContent.Trim() == Roles.Editor).QuerySelector("input")!.Click();
        cut.Find("[data-testid=crear-usuario]").Click();

        var alert = cut.WaitForElement("[data-testid=contrasena-generada]");
        Assert.Contains("Cópiela ahora: no se volverá a mostrar", alert.TextContent, StringComparison.Ordinal);
        var password = cut.Find("[data-testid=contrasena-valor]").TextContent;
        Assert.True(password.Length >= 14, password);
        Assert.True(await CheckPasswordAsync("nueva.editora", password));
        Assert.Equal(Roles.Editor, Row(cut, "nueva.editora").QuerySelector("[data-testid=usuario-rol]")?.TextContent.Trim());
        // The form is empty again for the next user.
        Assert.Equal(string.Empty, cut.Find("input[data-testid=campo-usuario]").GetAttribute("value") ?? string.Empty);

        cut.Find("[data-testid=contrasena-generada] button").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=contrasena-generada]")));
        Assert.DoesNotContain(password, cut.Markup, StringComparison.Ordinal);
        // Another visit to the page never shows it either.
        Assert.DoesNotContain(password, RenderPage().Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_DuplicatedUserName_ShowsTheSpanishErrorAndNoPassword()
    {
        await TestUsers.CreateAsync(_app.Services, "repetido", Roles.Lector);
        var cut = RenderPage();

        cut.Find("input[data-testid=campo-usuario]").Change("repetido");
        cut.Find("input[data-testid=campo-nombre]").Change("Otra persona");
        cut.Find("[data-testid=crear-usuario]").Click();

        var error = cut.WaitForElement("[data-testid=error-nuevo-usuario]");
        Assert.Equal("Ya existe un usuario «repetido».", error.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=contrasena-generada]"));
    }

    [Fact]
    public void CreateUser_InvalidUserName_ShowsTheMessageNextToTheFieldAndCreatesNothing()
    {
        var cut = RenderPage();

        cut.Find("input[data-testid=campo-usuario]").Change("josé");
        cut.Find("input[data-testid=campo-nombre]").Change("José");
        cut.Find("[data-testid=crear-usuario]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "El usuario solo puede tener letras sin tildes ni eñes, números y . _ @ -.",
            cut.Find("input[data-testid=campo-usuario]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=contrasena-generada]"));
        Assert.Null(RowOrNull(cut, "josé"));
    }

    [Fact]
    public async Task ResetPassword_Confirmed_ShowsTheNewPasswordThatSignsIn()
    {
        await TestUsers.CreateAsync(_app.Services, "olvido.clave", Roles.Lector);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        Row(cut, "olvido.clave").QuerySelector("[data-testid=restablecer]")!.Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Restablecer").Click();

        cut.WaitForElement("[data-testid=contrasena-generada]");
        var password = cut.Find("[data-testid=contrasena-valor]").TextContent;
        Assert.True(await CheckPasswordAsync("olvido.clave", password));
        Assert.False(await CheckPasswordAsync("olvido.clave", TestUsers.Password));
    }

    [Fact]
    public async Task Disable_Confirmed_ShowsTheUserAsDisabled()
    {
        await TestUsers.CreateAsync(_app.Services, "se.va", Roles.Editor);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        Row(cut, "se.va").QuerySelector("[data-testid=deshabilitar]")!.Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Deshabilitar").Click();

        cut.WaitForAssertion(() => Assert.Equal("Deshabilitada", Cell(Row(cut, "se.va"), 3)));
        Assert.Equal("«se.va» quedó deshabilitado.", cut.Find("[data-testid=resultado-usuarios]").TextContent.Trim());
        Assert.NotNull(Row(cut, "se.va").QuerySelector("[data-testid=habilitar]"));
    }

    [Fact]
    public void Render_Lector_ShowsTheRefusalInsteadOfTheList()
    {
        _actor = FakeCurrentUser.InRole(Roles.Lector, "solo.lectura");

        var cut = RenderPage(waitForTable: false);

        var alert = cut.WaitForElement("[data-testid=usuarios-denegado]");
        Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", alert.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=tabla-usuarios]"));
        Assert.Empty(cut.FindAll("[data-testid=crear-usuario]"));
    }

    private IRenderedComponent<UserList> RenderPage(bool waitForTable = true)
    {
        var cut = Render<UserList>();
        if (waitForTable)
        {
            cut.WaitForElement("[data-testid=tabla-usuarios]");
        }

        return cut;
    }

    private static IElement? RowOrNull(IRenderedComponent<UserList> cut, string userName) =>
        cut.FindAll("[data-testid=tabla-usuarios] tbody tr")
            .SingleOrDefault(r => r.QuerySelector("[data-testid=usuario-nombre]")?.TextContent.Trim() == userName);

    private static IElement Row(IRenderedComponent<UserList> cut, string userName) =>
        RowOrNull(cut, userName) ?? throw new Xunit.Sdk.XunitException($"No row for {userName}.");

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    private async Task<bool> CheckPasswordAsync(string userName, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = Assert.IsType<ApplicationUser>(await users.FindByNameAsync(userName));
        return await users.CheckPasswordAsync(user, password);
    }
}
