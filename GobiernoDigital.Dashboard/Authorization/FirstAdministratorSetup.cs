using System.Security.Cryptography;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>
/// The one-time set-up link: while no user exists, start-up prints <c>/configuracion-inicial/{token}</c>, and that
/// link creates the first Administrador. The token is random, lives only in this process, and dies when used.
/// There is no default password anywhere.
/// </summary>
public sealed class FirstAdministratorSetup(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>The current token, or null when set-up is not open (a user exists, or it was used).</summary>
    public string? Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    /// <summary>Opens set-up when the database has no user; returns the token to print, or null.</summary>
    public async Task<string?> OpenIfNoUserAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.AnyAsync())
        {
            return null;
        }

        lock (_gate)
        {
            _token ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            return _token;
        }
    }

    /// <summary>Whether <paramref name="token"/> is the open set-up token.</summary>
    public bool IsValid(string? token)
    {
        lock (_gate)
        {
            return _token is not null && token is not null &&
                   CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_token), System.Text.Encoding.UTF8.GetBytes(token));
        }
    }

    /// <summary>Creates the first Administrador and closes set-up. Refused (with Spanish messages) when the token is not valid or a user already exists.</summary>
    public async Task<IReadOnlyList<string>> CreateAdministratorAsync(string token, string userName, string displayName, string password)
    {
        lock (_gate)
        {
            if (!IsValid(token))
            {
                return ["El enlace de configuración inicial no es válido o ya se usó."];
            }

            // Claimed now, so a second request with the same link is refused even while this one runs.
            _token = null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.AnyAsync())
        {
            return ["Ya existe un usuario: la configuración inicial está cerrada."];
        }

        // The account, its role and its audit entry are saved together or not at all.
        var db = scope.ServiceProvider.GetRequiredService<GobiernoDigitalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            lock (_gate)
            {
                _token = token; // Nothing was created: the same link may be used again.
            }

            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, Roles.Administrador);
        var name = AuditNames.UserName(user.DisplayName, user.UserName);
        db.AuditEntries.Add(AuditEntryFactory.Create(
            AuditCatalog.Users,
            AuditAction.Creado,
            user.Id,
            name,
            before: null,
            after: new Dictionary<string, object?>
            {
                ["UserName"] = user.UserName,
                ["DisplayName"] = user.DisplayName,
                ["Role"] = Roles.Administrador,
                ["IsDisabled"] = false,
                ["Origen"] = "Configuración inicial (enlace de primer arranque)",
            },
            // Nobody was signed in: the first Administrador created their own account.
            new AuditActor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName! : user.DisplayName),
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [];
    }
}
