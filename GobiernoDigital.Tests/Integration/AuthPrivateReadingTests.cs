using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// <c>Acceso:LecturaPublica = false</c>: every page but the account pages asks to sign in, while the files the sign-in
/// page needs (styles, scripts) are still served to anonymous visitors.
/// </summary>
public sealed class AuthPrivateReadingTests(PrivateReadingAppFactory app) : IClassFixture<PrivateReadingAppFactory>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/categorias")]
    [InlineData("/categorias/{transparencia}")]
    public async Task Get_DashboardAnonymously_RedirectsToSignIn(string template)
    {
        var path = template.Replace("{transparencia}", TransparenciaId().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString(path)}", AuthForms.LocationOf(response));
    }

    [Theory]
    [InlineData(AuthForms.SignInPath)]
    [InlineData("/cuenta/acceso-denegado")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task Get_SignInPageAndItsFilesAnonymously_Are200(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_DashboardsSignedInAsLector_Are200()
    {
        await TestUsers.CreateAsync(app.Services, "lector.privado", Roles.Lector);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "lector.privado", TestUsers.Password);

        using var overview = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var category = await client.GetAsync($"/categorias/{TransparenciaId()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("40,0 %", await AuthForms.TextAsync(overview), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, category.StatusCode);
        Assert.Contains(">Transparencia</h1>", await AuthForms.TextAsync(category), StringComparison.Ordinal);
    }

    private int TransparenciaId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
    }
}
