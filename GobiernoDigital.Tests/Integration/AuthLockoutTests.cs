using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The lockout of the sign-in form with <c>Acceso:IntentosFallidosMaximos = 3</c>: the configured number counts, not
/// Identity's default of 5. Each test uses a user of its own on the class's app.
/// </summary>
public sealed class AuthLockoutTests(LockoutAppFactory app) : IClassFixture<LockoutAppFactory>
{
    private const string WrongPassword = "Clave-Equivocada-1";

    [Fact]
    public async Task SignIn_MaxFailedAttemptsReached_LocksTheAccountEvenForTheRightPassword()
    {
        await TestUsers.CreateAsync(app.Services, "editor.bloqueado", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        for (var attempt = 1; attempt <= LockoutAppFactory.MaxFailedAttempts; attempt++)
        {
            using var failed = await AuthForms.SignInAsync(client, "editor.bloqueado", WrongPassword);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Null(AuthForms.SessionCookieValue(failed));
        }

        using var response = await AuthForms.SignInAsync(client, "editor.bloqueado", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same words as a wrong password: a stranger cannot tell that the account exists and is locked.
        Assert.Equal(UniformSignIn.FailureMessage, AuthForms.ErrorOf(await AuthForms.TextAsync(response)));
        Assert.Null(AuthForms.SessionCookieValue(response));
        Assert.True(await TestUsers.IsLockedOutAsync(app.Services, "editor.bloqueado"));
        using var edit = await client.GetAsync($"/categorias/{TransparenciaId()}/editar", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
    }

    [Fact]
    public async Task SignIn_OneFailureFewerThanTheMax_DoesNotLockAndTheRightPasswordWorks()
    {
        await TestUsers.CreateAsync(app.Services, "editor.casi", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        for (var attempt = 1; attempt < LockoutAppFactory.MaxFailedAttempts; attempt++)
        {
            using var failed = await AuthForms.SignInAsync(client, "editor.casi", WrongPassword);
            Assert.Equal(UniformSignIn.FailureMessage, AuthForms.ErrorOf(await AuthForms.TextAsync(failed)));
        }

        Assert.False(await TestUsers.IsLockedOutAsync(app.Services, "editor.casi"));
        using var response = await AuthForms.SignInAsync(client, "editor.casi", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(AuthForms.SessionCookieValue(response));
    }

    private int TransparenciaId()
    {
        using var db = app.Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).Single();
    }
}
