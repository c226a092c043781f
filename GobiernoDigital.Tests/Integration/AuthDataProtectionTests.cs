using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The data-protection keys live in the database (<c>DataProtectionKeys</c>): a sign-in cookie issued before a restart
/// still opens the pages after it.
/// </summary>
public sealed class AuthDataProtectionTests
{
    [Fact]
    public async Task SessionCookie_SecondAppOnTheSameDatabase_IsStillSignedIn()
    {
        using var database = new SqliteTestDatabase();
        var cancellationToken = TestContext.Current.CancellationToken;
        string cookie;
        int editId;
        IReadOnlyList<string> keysAfterFirstStart;

        await using (var first = new SameDatabaseAppFactory(database))
        {
            await TestUsers.CreateAsync(first.Services, "editor.reinicio", Roles.Editor);
            using var client = AuthForms.CreateBrowserClient(first);
            using var signIn = await AuthForms.SignInAsync(client, "editor.reinicio", TestUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            cookie = AuthForms.SessionCookieValue(signIn) ?? throw Xunit.Sdk.FailException.ForFailure("No session cookie.");
            await using var db = database.CreateDbContext();
            editId = await db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).SingleAsync(cancellationToken);
            keysAfterFirstStart = await KeyNamesAsync(database);
        }

        Assert.NotEmpty(keysAfterFirstStart);

        await using var second = new SameDatabaseAppFactory(database);
        using var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/categorias/{editId}/editar");
        request.Headers.Add("Cookie", $"{AuthForms.SessionCookie}={cookie}");
        using var response = await secondClient.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Editar puntaje y meta: Transparencia", await AuthForms.TextAsync(response), StringComparison.Ordinal);
        // The second app read the key of the first from the database instead of making one of its own.
        Assert.Equal(keysAfterFirstStart, await KeyNamesAsync(database));
    }

    [Fact]
    public async Task SessionCookie_AppOnAnotherDatabase_IsNotAccepted()
    {
        // The control of the test above: without the first app's keys, the same cookie does not sign in.
        using var database = new SqliteTestDatabase();
        using var otherDatabase = new SqliteTestDatabase();
        string cookie;
        await using (var first = new SameDatabaseAppFactory(database))
        {
            await TestUsers.CreateAsync(first.Services, "editor.otro", Roles.Editor);
            using var client = AuthForms.CreateBrowserClient(first);
            using var signIn = await AuthForms.SignInAsync(client, "editor.otro", TestUsers.Password);
            cookie = AuthForms.SessionCookieValue(signIn) ?? throw Xunit.Sdk.FailException.ForFailure("No session cookie.");
        }

        await using var other = new SameDatabaseAppFactory(otherDatabase);
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cuenta/contrasena");
        request.Headers.Add("Cookie", $"{AuthForms.SessionCookie}={cookie}");
        using var response = await otherClient.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthForms.SignInPath, AuthForms.LocationOf(response), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> KeyNamesAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.FriendlyName ?? string.Empty).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The real app on a database the test owns, so that two starts can share it.</summary>
    private sealed class SameDatabaseAppFactory(SqliteTestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:GobiernoDigital", database.ConnectionString);
        }
    }
}
