using System.Net;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary><c>Acceso:LecturaPublica = false</c>: the committee report and its workbook follow the dashboards' reading rule.</summary>
public sealed class ReportPrivateReadingTests(PrivateReadingAppFactory app) : IClassFixture<PrivateReadingAppFactory>
{
    [Theory]
    [InlineData("/informe")]
    [InlineData("/exportar/informe.xlsx?vigencia=2023")]
    public async Task Get_Anonymously_RedirectsToSignInWithoutTheReport(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthForms.SignInPath}?ReturnUrl={Uri.EscapeDataString(path)}", AuthForms.LocationOf(response));
        Assert.Null(response.Content.Headers.ContentDisposition);
    }
}
