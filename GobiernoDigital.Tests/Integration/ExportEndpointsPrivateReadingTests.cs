using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary><c>Acceso:LecturaPublica = false</c>: the downloads follow the dashboards' reading rule.</summary>
public sealed class ExportEndpointsPrivateReadingTests(PrivateReadingAppFactory app) : IClassFixture<PrivateReadingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/exportar/puntajes.xlsx")]
    [InlineData("/exportar/puntajes.csv?vigencia=2023")]
    [InlineData("/exportar/plantilla.xlsx")]
    [InlineData("/exportar/plantilla.csv")]
    public async Task Get_Anonymously_RedirectsToSignInWithoutTheFile(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString(path)}", AuthForms.LocationOf(response));
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Get_SignedInAsLector_DownloadsTheFile()
    {
        await TestUsers.CreateAsync(app.Services, "lector.exporta", Roles.Lector);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "lector.exporta", TestUsers.Password);

        using var response = await client.GetAsync("/exportar/puntajes.csv?vigencia=2023", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("puntajes-2023.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(18, SpreadsheetFiles.CsvRecords(await response.Content.ReadAsByteArrayAsync(Ct)).Count);
    }
}
