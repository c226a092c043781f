using GobiernoDigital.Dashboard;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The baseline headers on pages, on the not-found page and on static files.</summary>
public sealed class SecurityHeadersTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/categorias/999999")]
    [InlineData("/app.css")]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task GetOverview_PlainHttpWithoutHttpsPort_IsNotRedirected()
    {
        using var response = await _client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetOverview_Html_HasNoInlineScriptTheCspWouldBlock()
    {
        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);

        // Every <script> must load a file ('self'); an inline one (like an import map) would be blocked by the policy.
        foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>"))
        {
            Assert.Contains("src=", script.Groups["attributes"].Value, StringComparison.Ordinal);
        }
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw Xunit.Sdk.FailException.ForFailure($"La respuesta no trae la cabecera {name}.");
}
