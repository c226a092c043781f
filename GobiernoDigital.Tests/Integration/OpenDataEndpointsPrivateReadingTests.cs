using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary><c>Acceso:LecturaPublica = false</c>: the open data answers 401 to anonymous callers (an API does not redirect).</summary>
public sealed class OpenDataEndpointsPrivateReadingTests(PrivateReadingAppFactory app) : IClassFixture<PrivateReadingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/datos-abiertos/puntajes.csv")]
    [InlineData("/api/datos-abiertos/puntajes.json")]
    public async Task Get_Anonymously_401WithASpanishMessageAndNoData(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("Inicie sesión", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Transparencia", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDictionaryPage_Anonymously_RedirectsToSignInLikeEveryPage()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/datos-abiertos", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString("/datos-abiertos")}", AuthForms.LocationOf(response));
    }

    [Fact]
    public async Task Get_SignedInAsLector_200WithTheData()
    {
        await TestUsers.CreateAsync(app.Services, "lector.datos", Roles.Lector);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "lector.datos", TestUsers.Password);

        using var csv = await client.GetAsync("/api/datos-abiertos/puntajes.csv", Ct);
        using var json = await client.GetAsync("/api/datos-abiertos/puntajes.json", Ct);
        using var page = await client.GetAsync("/datos-abiertos", Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        // The seed: a header and the 17 categories of 2023.
        Assert.Equal(18, SpreadsheetFiles.CsvRecords(await csv.Content.ReadAsByteArrayAsync(Ct), separator: ',').Count);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("\"vigencia\": 2023", await json.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Diccionario de datos", await AuthForms.TextAsync(page), StringComparison.Ordinal);
    }
}
