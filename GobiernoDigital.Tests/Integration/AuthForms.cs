using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The account forms over HTTP as a browser without script uses them: GET the page, read the rendered form (its
/// hidden <c>_handler</c> and <c>__RequestVerificationToken</c>), post it back with the cookies of the GET.
/// </summary>
public static partial class AuthForms
{
    /// <summary>The name of the sign-in cookie (<c>ConfigureApplicationCookie</c>).</summary>
    public const string SessionCookie = "GobiernoDigital.Sesion";

    public const string SignInPath = "/cuenta/ingresar";

    /// <summary>A client that keeps cookies (antiforgery and session) and shows redirects instead of following them.</summary>
    public static HttpClient CreateBrowserClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>
    /// The named inputs of the form whose hidden <c>_handler</c> is <paramref name="formName"/>, with their rendered
    /// values; null when the page has no such form.
    /// </summary>
    public static Dictionary<string, string>? ReadForm(string html, string formName) =>
        Forms(html).Select(f => f.Inputs).FirstOrDefault(inputs => inputs.GetValueOrDefault("_handler") == formName);

    /// <summary>The named inputs of the form that posts to <paramref name="action"/> (e.g. the sign-out form), or null.</summary>
    public static Dictionary<string, string>? ReadFormPostingTo(string html, string action) =>
        Forms(html).Where(f => f.Attributes.GetValueOrDefault("action") == action).Select(f => f.Inputs).FirstOrDefault();

    private static IEnumerable<(Dictionary<string, string> Attributes, Dictionary<string, string> Inputs)> Forms(string html)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputElement().Matches(form.Groups["body"].Value))
            {
                var attributes = Attributes(input.Groups["attributes"].Value);
                if (attributes.TryGetValue("name", out var name))
                {
                    inputs[name] = attributes.GetValueOrDefault("value", string.Empty);
                }
            }

            yield return (Attributes(form.Groups["attributes"].Value), inputs);
        }
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            attributes[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
        }

        return attributes;
    }

    /// <summary>
    /// GETs <paramref name="path"/>, fills the form <paramref name="formName"/> with <paramref name="fields"/> (each must be
    /// an input of the rendered form, so a renamed input fails here) and posts it to the same address.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var page = await client.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = ReadForm(await page.Content.ReadAsStringAsync(cancellationToken), formName)
            ?? throw Xunit.Sdk.FailException.ForFailure($"{path} has no form «{formName}».");
        Assert.False(string.IsNullOrEmpty(form.GetValueOrDefault("__RequestVerificationToken")), $"The form «{formName}» has no antiforgery token.");
        foreach (var (name, value) in fields)
        {
            Assert.True(form.ContainsKey(name), $"The form «{formName}» has no input «{name}» (it has: {string.Join(", ", form.Keys)}).");
            form[name] = value;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content, cancellationToken);
    }

    /// <summary>Signs in through the real sign-in form (<c>Input.UserName</c>, <c>Input.Password</c>).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string path = SignInPath) =>
        SubmitAsync(client, path, "ingresar", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and checks that it worked (a redirect that sets the session cookie).</summary>
    public static async Task SignInOrFailAsync(HttpClient client, string userName, string password)
    {
        using var response = await SignInAsync(client, userName, password);
        var body = await TextAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName} answered {(int)response.StatusCode}: {ErrorOf(body)}");
        Assert.NotNull(SessionCookieValue(response));
    }

    /// <summary>The session cookie the response sets (not one it deletes), or null.</summary>
    public static string? SessionCookieValue(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal))
                .Select(c => c[(SessionCookie.Length + 1)..].Split(';')[0])
                .FirstOrDefault(v => v.Length > 0)
            : null;

    /// <summary>The body as a reader sees it: Blazor escapes non-ASCII letters (ó → &amp;#xF3;).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The sign-in error the page shows (<c>data-testid="error-ingreso"</c>), or an empty string.</summary>
    public static string ErrorOf(string html)
    {
        var match = SignInError().Match(html);
        return match.Success ? match.Groups["text"].Value.Trim() : string.Empty;
    }

    /// <summary>The redirect target, relative to the app (e.g. <c>/cuenta/ingresar?ReturnUrl=%2F</c>).</summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw Xunit.Sdk.FailException.ForFailure($"A {(int)response.StatusCode} without Location.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();

    [GeneratedRegex("(?<name>[\\w:.-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("data-testid=\"error-ingreso\"[^>]*>(?:\\s*<[^>]+>)*(?<text>[^<]*)", RegexOptions.Singleline)]
    private static partial Regex SignInError();
}
