using System.Globalization;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>One account as the user administration page lists it. Never carries a password or its hash.</summary>
/// <remarks><see cref="Role"/> is empty when the account has no role; <see cref="LockedOutUntil"/> is in UTC.</remarks>
public sealed record UserSummary(string Id, string UserName, string DisplayName, string Role, bool IsDisabled, DateTimeOffset? LockedOutUntil)
{
    /// <summary>
    /// "Activa", "Deshabilitada", or "Bloqueada hasta 31/12/2027 14:30" (Colombia's time) while failed sign-ins keep
    /// the account locked at <paramref name="now"/>.
    /// </summary>
    public string Status(DateTimeOffset now)
    {
        if (IsDisabled)
        {
            return "Deshabilitada";
        }

        if (LockedOutUntil is { } until && until > now)
        {
            var colombia = TimeZoneInfo.ConvertTime(until, EsCo.TimeZone);
            return $"Bloqueada hasta {colombia.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}";
        }

        return "Activa";
    }
}

/// <summary>
/// The outcome of creating a user or resetting a password: done with the generated password (to show once and
/// forget), or a Spanish message saying why nothing changed.
/// </summary>
public sealed record GeneratedPasswordResult(bool Succeeded, string? Error = null, string? UserId = null, string? Password = null)
{
    public static GeneratedPasswordResult Ok(string userId, string password) => new(true, UserId: userId, Password: password);

    public static GeneratedPasswordResult Fail(string error) => new(false, error);
}
