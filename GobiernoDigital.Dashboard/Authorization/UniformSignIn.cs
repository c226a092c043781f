using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>
/// Signs in with a user name and password so that a failure tells nothing about the account: the same
/// <see cref="FailureMessage"/> and about the same time whether the user is unknown, the password wrong, or the account
/// disabled or locked out.
/// </summary>
/// <remarks>
/// The time of a sign-in is that of one password hash check (PBKDF2, tens of milliseconds), so every path runs exactly
/// one: against the account's hash, or a dummy hash for an unknown user and for a disabled or locked-out account, whose
/// password is not checked. Repeated wrong passwords still lock an existing account (<c>Acceso:IntentosFallidosMaximos</c>).
/// </remarks>
public sealed class UniformSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher)
{
    /// <summary>The one message of every failed sign-in.</summary>
    public const string FailureMessage =
        "No se pudo iniciar sesión con ese usuario y esa contraseña. Tras varios intentos fallidos la cuenta se bloquea unos minutos; si no puede entrar, pida ayuda al administrador.";

    // A hash of a random password made with the app's own hasher, so that checking against it costs what a real check costs.
    private static string? _dummyHash;

    /// <summary>Signs in (sets the session cookie) and returns true; false, with nothing revealed, on any failure.</summary>
    public async Task<bool> SignInAsync(string userName, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null || user.IsDisabled || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // PasswordSignInAsync returns before hashing for a locked-out account: run the dummy check on every refusal.
            hasher.VerifyHashedPassword(user ?? new ApplicationUser(), DummyHash(), password);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded;
    }

    private string DummyHash() => _dummyHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N"));
}
