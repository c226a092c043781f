using System.Net;
using GobiernoDigital.Dashboard;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>A form posted without its antiforgery token (another site's form, a script) gets a Spanish 400 page.</summary>
public sealed class AntiforgeryRefusalTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("/cuenta/ingresar")]
    [InlineData("/cuenta/salir")]
    public async Task Post_WithoutAntiforgeryToken_SpanishBadRequestPage(string path)
    {
        using var client = AuthForms.CreateBrowserClient(app);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "ingresar",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = "Clave-Equivocada-1",
        });

        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await AuthForms.TextAsync(response);
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains(RequestLimits.InvalidFormTitle, html, StringComparison.Ordinal);
        Assert.Contains(RequestLimits.InvalidFormText, html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(AuthForms.SessionCookieValue(response));
    }
}
