using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The sign-in page (<c>/cuenta/ingresar</c>) through its real form, and what the session then opens: the edit page
/// for an Editor, the access-denied page for a Lector. Each test uses users of its own on the class's app.
/// </summary>
public sealed class AuthSignInTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string WrongCredentials = UniformSignIn.FailureMessage;

    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsToTheOverviewWithASessionCookie()
    {
        await TestUsers.CreateAsync(app.Services, "editor.correcto", Roles.Editor, "Martha Saldaña");
        using var client = AuthForms.CreateBrowserClient(app);

        using var response = await AuthForms.SignInAsync(client, "editor.correcto", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", AuthForms.LocationOf(response));
        Assert.NotNull(AuthForms.SessionCookieValue(response));
        Assert.Contains(
            response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith(AuthForms.SessionCookie + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));

        using var overview = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await AuthForms.TextAsync(overview);
        Assert.Contains("data-testid=\"usuario-actual\">Martha Saldaña<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"iniciar-sesion\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Otra-Clave-2026")]
    [InlineData(false, TestUsers.Password)]
    public async Task SignIn_WrongPasswordOrUnknownUser_ShowsTheSameErrorAndSetsNoCookie(bool userExists, string password)
    {
        var userName = userExists ? "editor.clave" : "nadie.registrado";
        if (userExists)
        {
            await TestUsers.CreateAsync(app.Services, userName, Roles.Editor);
        }

        using var client = AuthForms.CreateBrowserClient(app);

        using var response = await AuthForms.SignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WrongCredentials, AuthForms.ErrorOf(await AuthForms.TextAsync(response)));
        Assert.Null(AuthForms.SessionCookieValue(response));
    }

    [Fact]
    public async Task SignIn_DisabledUserWithTheRightPassword_IsRefused()
    {
        await TestUsers.CreateAsync(app.Services, "editor.deshabilitado", Roles.Editor, disabled: true);
        using var client = AuthForms.CreateBrowserClient(app);

        using var response = await AuthForms.SignInAsync(client, "editor.deshabilitado", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same words as a wrong password, whatever the password: a stranger cannot tell the account exists.
        Assert.Equal(WrongCredentials, AuthForms.ErrorOf(await AuthForms.TextAsync(response)));
        Assert.Null(AuthForms.SessionCookieValue(response));
    }

    [Fact]
    public async Task GetEditPage_SignedInAsEditor_Is200WithTheForm()
    {
        await TestUsers.CreateAsync(app.Services, "editor.edita", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "editor.edita", TestUsers.Password);

        using var response = await client.GetAsync(EditPath(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AuthForms.TextAsync(response);
        Assert.Contains("Editar puntaje y meta: Transparencia", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campo-puntaje\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEditPage_SignedInAsLector_RedirectsToAccessDenied()
    {
        await TestUsers.CreateAsync(app.Services, "lector.edita", Roles.Lector, "Comité de Gestión");
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "lector.edita", TestUsers.Password);

        using var response = await client.GetAsync(EditPath(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = AuthForms.LocationOf(response);
        Assert.StartsWith("/cuenta/acceso-denegado", location, StringComparison.Ordinal);
        using var denied = await client.GetAsync(location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var html = await AuthForms.TextAsync(denied);
        Assert.Contains("Acceso denegado", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"campo-puntaje\"", html, StringComparison.Ordinal);

        // Signed in, but the category page offers no edit button to a reader.
        using var category = await client.GetAsync($"/categorias/{TransparenciaId()}", TestContext.Current.CancellationToken);
        var categoryHtml = await AuthForms.TextAsync(category);
        Assert.Contains("data-testid=\"usuario-actual\">Comité de Gestión<", categoryHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"editar-categoria\"", categoryHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-auditoria\"", categoryHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Lector, "/auditoria", false)]
    [InlineData(Roles.Editor, "/auditoria", true)]
    [InlineData(Roles.Lector, "/usuarios", false)]
    [InlineData(Roles.Editor, "/usuarios", false)]
    [InlineData(Roles.Administrador, "/usuarios", true)]
    [InlineData(Roles.Administrador, "/auditoria", true)]
    public async Task Get_PolicyPageSignedInWithRole_OpensOnlyForTheRolesOfThePolicy(string role, string path, bool allowed)
    {
        var userName = $"{role.ToLowerInvariant()}{path.Replace('/', '.')}";
        await TestUsers.CreateAsync(app.Services, userName, role);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, userName, TestUsers.Password);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/cuenta/acceso-denegado?ReturnUrl={Uri.EscapeDataString(path)}", AuthForms.LocationOf(response));
        }
    }

    [Fact]
    public async Task SignIn_FromTheRedirectOfAProtectedPage_ReturnsToThatPage()
    {
        await TestUsers.CreateAsync(app.Services, "editor.vuelve", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        using var challenge = await client.GetAsync(EditPath(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);

        using var response = await AuthForms.SignInAsync(client, "editor.vuelve", TestUsers.Password, AuthForms.LocationOf(challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditPath(), AuthForms.LocationOf(response));
    }

    [Theory]
    [InlineData(1, "//evil.example/robar")]
    [InlineData(2, "/\\evil.example/robar")]
    [InlineData(3, "https://evil.example/robar")]
    public async Task SignIn_ReturnUrlOfAnotherSite_GoesToTheOverviewInstead(int @case, string returnUrl)
    {
        var userName = $"editor.redireccion{@case}";
        await TestUsers.CreateAsync(app.Services, userName, Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);

        using var response = await AuthForms.SignInAsync(client, userName, TestUsers.Password, $"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", AuthForms.LocationOf(response));
    }

    [Fact]
    public async Task SignOut_PostOfTheLayoutForm_EndsTheSession()
    {
        await TestUsers.CreateAsync(app.Services, "editor.sale", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "editor.sale", TestUsers.Password);
        using var overview = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var form = AuthForms.ReadFormPostingTo(await overview.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "/cuenta/salir");
        Assert.NotNull(form);
        Assert.Contains("__RequestVerificationToken", form.Keys);

        using var content = new FormUrlEncodedContent(form);
        using var signOut = await client.PostAsync("/cuenta/salir", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", AuthForms.LocationOf(signOut));
        using var edit = await client.GetAsync(EditPath(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith(AuthForms.SignInPath, AuthForms.LocationOf(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRefusedAndTheSessionStays()
    {
        await TestUsers.CreateAsync(app.Services, "editor.csrf", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "editor.csrf", TestUsers.Password);

        using var content = new FormUrlEncodedContent([]);
        using var signOut = await client.PostAsync("/cuenta/salir", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var edit = await client.GetAsync(EditPath(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    private string EditPath() => $"/categorias/{TransparenciaId()}/editar";

    private int TransparenciaId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
    }
}
