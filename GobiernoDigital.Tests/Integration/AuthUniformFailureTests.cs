using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// Every failed sign-in reads the same and costs the same: one password hash check, whether the user is unknown, the
/// password wrong, or the account disabled or locked out (the time of a sign-in is that of the hash check, so counting
/// the checks is what makes the timing alike). The app's real hasher, counted; lockout after 3 failures.
/// </summary>
public sealed class AuthUniformFailureTests(AuthUniformFailureTests.CountingHasherAppFactory app) : IClassFixture<AuthUniformFailureTests.CountingHasherAppFactory>
{
    private const string WrongPassword = "Clave-Equivocada-1";

    [Theory]
    [InlineData("desconocido")]
    [InlineData("clave-equivocada")]
    [InlineData("deshabilitada")]
    [InlineData("bloqueada")]
    public async Task SignIn_AnyFailure_TheSameMessageAfterExactlyOnePasswordCheck(string failure)
    {
        var userName = $"cuenta.{failure}";
        var password = TestUsers.Password;
        using var client = AuthForms.CreateBrowserClient(app);
        switch (failure)
        {
            case "desconocido":
                userName = "nadie.con.ese.nombre";
                break;
            case "clave-equivocada":
                await TestUsers.CreateAsync(app.Services, userName, Roles.Administrador);
                password = WrongPassword;
                break;
            case "deshabilitada":
                await TestUsers.CreateAsync(app.Services, userName, Roles.Editor, disabled: true);
                break;
            default:
                await TestUsers.CreateAsync(app.Services, userName, Roles.Administrador);
                for (var attempt = 0; attempt < LockoutAttempts; attempt++)
                {
                    using var failed = await AuthForms.SignInAsync(client, userName, WrongPassword);
                }

                Assert.True(await TestUsers.IsLockedOutAsync(app.Services, userName));
                break;
        }

        var before = app.Hasher.Verifications;
        using var response = await AuthForms.SignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UniformSignIn.FailureMessage, AuthForms.ErrorOf(await AuthForms.TextAsync(response)));
        Assert.Null(AuthForms.SessionCookieValue(response));
        Assert.Equal(1, app.Hasher.Verifications - before);
    }

    private const int LockoutAttempts = 3;

    /// <summary>The app with lockout after 3 failures and a hasher that counts its checks.</summary>
    public sealed class CountingHasherAppFactory : DashboardAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Acceso:IntentosFallidosMaximos", LockoutAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
        }
    }

    /// <summary>Identity's own hasher (same cost), counting <see cref="VerifyHashedPassword"/>.</summary>
    public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
