using System.Net;
using GobiernoDigital.Dashboard;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// What an anonymous visitor gets with the default settings (<c>Acceso:LecturaPublica</c> true): the dashboards, but
/// not the pages that change data or belong to an account.
/// </summary>
public sealed class AuthorizationRoutesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/categorias/{transparencia}/editar")]
    [InlineData("/catalogo")]
    [InlineData("/metas")]
    [InlineData("/cuenta/contrasena")]
    [InlineData("/usuarios")]
    [InlineData("/auditoria")]
    [InlineData("/mediciones/nueva")]
    [InlineData("/mediciones/2023/editar")]
    [InlineData("/importar")]
    [InlineData("/grupo-par")]
    public async Task Get_ProtectedPageAnonymously_RedirectsToSignInWithTheReturnUrl(string template)
    {
        var path = template.Replace("{transparencia}", TransparenciaId().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString(path)}", AuthForms.LocationOf(response));
    }

    [Fact]
    public async Task Get_DashboardsAnonymouslyWithPublicReading_Are200WithoutEditButton()
    {
        using var overview = await _client.GetAsync("/", TestContext.Current.CancellationToken);
        using var category = await _client.GetAsync($"/categorias/{TransparenciaId()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, category.StatusCode);
        var html = await AuthForms.TextAsync(category);
        Assert.Contains(">Transparencia</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"iniciar-sesion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"editar-categoria\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"usuario-actual\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-auditoria\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MeasurementsAnonymously_Is200WithTheListButNoEditing()
    {
        using var response = await _client.GetAsync("/mediciones", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AuthForms.TextAsync(response);
        Assert.Contains(">Mediciones</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?vigencia=2023\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nueva-medicion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"eliminar-medicion\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSignInPage_Anonymously_ShowsTheFormWithTheSecurityHeaders()
    {
        using var response = await _client.GetAsync(AuthForms.SignInPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = AuthForms.ReadForm(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "ingresar");
        Assert.NotNull(form);
        Assert.Contains("Input.UserName", form.Keys);
        Assert.Contains("Input.Password", form.Keys);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task GetAccessDeniedPage_Anonymously_Is200InSpanish()
    {
        using var response = await _client.GetAsync("/cuenta/acceso-denegado", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Acceso denegado", await AuthForms.TextAsync(response), StringComparison.Ordinal);
    }

    private int TransparenciaId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw Xunit.Sdk.FailException.ForFailure($"La respuesta no trae la cabecera {name}.");
}
