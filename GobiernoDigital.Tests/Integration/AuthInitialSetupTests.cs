using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The one-time set-up link <c>/configuracion-inicial/{token}</c> over HTTP. Each test starts an app of its own (the
/// link is used up), on a seeded database without users, so the set-up is open at start.
/// </summary>
public sealed class AuthInitialSetupTests
{
    private const string Refused = "no es válido o ya se usó";
    private const string Password = "Primer-Admin-2026";

    [Fact]
    public async Task Token_NoUserAtStart_IsOpenAndTheLinkShowsTheForm()
    {
        await using var app = new DashboardAppFactory();
        using var client = AuthForms.CreateBrowserClient(app);

        var token = Setup(app).Token;

        Assert.NotNull(token);
        using var response = await client.GetAsync($"/configuracion-inicial/{token}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var form = AuthForms.ReadForm(html, "configuracion-inicial");
        Assert.NotNull(form);
        Assert.Contains("__RequestVerificationToken", form.Keys);
        foreach (var id in new[] { "nombre", "usuario", "contrasena", "confirmacion" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_ValidToken_CreatesOneAdministratorAndTheLinkWorksOnlyOnce()
    {
        await using var app = new DashboardAppFactory();
        using var client = AuthForms.CreateBrowserClient(app);
        var token = Setup(app).Token;
        Assert.NotNull(token);
        var path = $"/configuracion-inicial/{token}";
        using var page = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var form = AuthForms.ReadForm(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "configuracion-inicial");
        Assert.NotNull(form);

        using var created = await PostAsync(client, path, form, "admin.primero", "Ana Administradora");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Se creó el Administrador «admin.primero»", await AuthForms.TextAsync(created), StringComparison.Ordinal);
        var user = Assert.Single(await TestUsers.ListAsync(app.Services));
        Assert.Equal("admin.primero", user.UserName);
        Assert.Equal([Roles.Administrador], user.Roles);
        Assert.Null(Setup(app).Token);

        // The same link again: refused, to a GET and to a replay of the same post.
        using var secondGet = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains(Refused, await AuthForms.TextAsync(secondGet), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.UserName\"", await AuthForms.TextAsync(secondGet), StringComparison.Ordinal);
        using var secondPost = await PostAsync(client, path, form, "admin.segundo", "Intruso");
        Assert.Equal(HttpStatusCode.OK, secondPost.StatusCode);
        Assert.Contains(Refused, await AuthForms.TextAsync(secondPost), StringComparison.Ordinal);
        Assert.DoesNotContain("Se creó el Administrador", await AuthForms.TextAsync(secondPost), StringComparison.Ordinal);
        Assert.Single(await TestUsers.ListAsync(app.Services));

        // The new Administrador signs in with the password chosen on the form.
        await AuthForms.SignInOrFailAsync(client, "admin.primero", Password);
    }

    [Fact]
    public async Task GetAndPost_WrongToken_AreRefusedAndCreateNoUser()
    {
        await using var app = new DashboardAppFactory();
        using var client = AuthForms.CreateBrowserClient(app);
        var token = Setup(app).Token;
        Assert.NotNull(token);
        var wrong = $"/configuracion-inicial/{new string('0', token.Length)}";
        using var page = await client.GetAsync($"/configuracion-inicial/{token}", TestContext.Current.CancellationToken);
        var form = AuthForms.ReadForm(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "configuracion-inicial");
        Assert.NotNull(form);

        using var get = await client.GetAsync(wrong, TestContext.Current.CancellationToken);
        using var post = await PostAsync(client, wrong, form, "admin.intruso", "Intruso");

        Assert.Contains(Refused, await AuthForms.TextAsync(get), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.UserName\"", await AuthForms.TextAsync(get), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(Refused, await AuthForms.TextAsync(post), StringComparison.Ordinal);
        Assert.DoesNotContain("Se creó el Administrador", await AuthForms.TextAsync(post), StringComparison.Ordinal);
        Assert.Empty(await TestUsers.ListAsync(app.Services));
        Assert.Equal(token, Setup(app).Token);
    }

    [Fact]
    public async Task Post_WeakPassword_ShowsTheSpanishRuleAndKeepsTheLinkOpen()
    {
        await using var app = new DashboardAppFactory();
        using var client = AuthForms.CreateBrowserClient(app);
        var token = Setup(app).Token;
        Assert.NotNull(token);
        var path = $"/configuracion-inicial/{token}";

        using var response = await AuthForms.SubmitAsync(client, path, "configuracion-inicial", Fields("admin.debil", "Ana", "corta"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La contraseña debe tener al menos 10 caracteres.", await AuthForms.TextAsync(response), StringComparison.Ordinal);
        Assert.Empty(await TestUsers.ListAsync(app.Services));
        Assert.Equal(token, Setup(app).Token);
        using var retry = await AuthForms.SubmitAsync(client, path, "configuracion-inicial", Fields("admin.debil", "Ana", Password));
        Assert.Contains("Se creó el Administrador «admin.debil»", await AuthForms.TextAsync(retry), StringComparison.Ordinal);
    }

    private static FirstAdministratorSetup Setup(DashboardAppFactory app) => app.Services.GetRequiredService<FirstAdministratorSetup>();

    private static Dictionary<string, string> Fields(string userName, string displayName, string password) => new()
    {
        ["Input.DisplayName"] = displayName,
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
        ["Input.Confirmation"] = password,
    };

    /// <summary>Posts <paramref name="form"/> (read from an earlier GET: its antiforgery token) filled in, to <paramref name="path"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form, string userName, string displayName)
    {
        var fields = new Dictionary<string, string>(form);
        foreach (var (name, value) in Fields(userName, displayName, Password))
        {
            Assert.True(fields.ContainsKey(name), $"The set-up form has no input «{name}».");
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }
}
