using System.Security.Cryptography;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// Administrators create users, reset passwords, disable and re-enable users and change roles
/// (policy <see cref="Policies.AdministrarUsuarios"/>, checked first in every method).
/// </summary>
/// <remarks>
/// Each change runs in a service scope of its own (a fresh <see cref="UserManager{TUser}"/> and context, so a long-lived
/// circuit never saves stale accounts) and in one transaction with its <see cref="AuditEntry"/> ("Usuario", named by
/// the user's display name, with only the fields that changed among user name, display name, role and account state).
/// Passwords are generated here, returned once and stored only as Identity's hash; neither appears in the audit trail.
/// </remarks>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopes,
    IDbContextFactory<GobiernoDigitalDbContext> dbFactory,
    AccessGuard guard,
    TimeProvider clock)
{
    /// <summary>The audit trail's name for an account.</summary>
    public const string AuditEntityType = "Usuario";

    /// <summary>Length of the generated passwords.</summary>
    public const int GeneratedPasswordLength = 16;

    // No 0/O, 1/l/I: the password is read off the screen and typed by someone else.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    private const string UnknownUser = "El usuario no existe.";

    // Check-then-change of the last administrator must not interleave: two administrators demoting each other at the
    // same moment would otherwise both pass the check. One process serves the app (SQLite), so a process-wide gate is enough.
    private static readonly SemaphoreSlim AdministratorsGate = new(1, 1);

    private static readonly NewUserValidator NewUserRules = new();

    /// <summary>Every account, by user name.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, Editor: nothing is read.</exception>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.AdministrarUsuarios);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? string.Empty);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return users
            .Select(u => new UserSummary(u.Id, u.UserName ?? string.Empty, u.DisplayName, MainRole(rolesByUser[u.Id]), u.IsDisabled, u.LockoutEnd))
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Creates an enabled user with <paramref name="role"/> and a generated password, returned once.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, Editor: nothing changes.</exception>
    public async Task<GeneratedPasswordResult> CreateAsync(string userName, string displayName, string role, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.AdministrarUsuarios);
        var model = new NewUserFormModel { UserName = userName?.Trim() ?? string.Empty, DisplayName = displayName?.Trim() ?? string.Empty, Role = role ?? string.Empty };
        var validation = await NewUserRules.ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
        {
            return GeneratedPasswordResult.Fail(validation.Errors[0].ErrorMessage);
        }

        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Resolve(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser { UserName = model.UserName, DisplayName = model.DisplayName, EmailConfirmed = true, LockoutEnabled = true };
        var password = GeneratePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return GeneratedPasswordResult.Fail(Describe(created));
        }

        var added = await users.AddToRoleAsync(user, model.Role);
        if (!added.Succeeded)
        {
            return GeneratedPasswordResult.Fail(Describe(added));
        }

        await AuditAsync(db, actor, AuditAction.Creado, user.Id, before: null, after: Snapshot(user, model.Role), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GeneratedPasswordResult.Ok(user.Id, password);
    }

    /// <summary>
    /// Replaces the user's password with a generated one, returned once. The other sessions of the user end (new
    /// security stamp), and a lock-out from failed sign-ins is lifted (a disabled user stays disabled).
    /// </summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, Editor: nothing changes.</exception>
    public async Task<GeneratedPasswordResult> ResetPasswordAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.AdministrarUsuarios);
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Resolve(scope);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return GeneratedPasswordResult.Fail(UnknownUser);
        }

        var snapshot = Snapshot(user, MainRole(await users.GetRolesAsync(user)));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!user.IsDisabled)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        // Remove + add rather than a reset token: no data-protection key is needed inside the transaction, and both
        // steps renew the security stamp.
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded)
        {
            return GeneratedPasswordResult.Fail(Describe(removed));
        }

        var password = GeneratePassword();
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return GeneratedPasswordResult.Fail(Describe(added));
        }

        var after = new Dictionary<string, object?>(snapshot) { ["Contraseña"] = "restablecida (las otras sesiones se cerraron)" };
        await AuditAsync(db, actor, AuditAction.Modificado, user.Id, snapshot, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GeneratedPasswordResult.Ok(user.Id, password);
    }

    /// <summary>
    /// Disables (no sign-in, sessions end, locked out for good) or re-enables a user. The last enabled Administrador
    /// cannot be disabled, nor can administrators disable their own account.
    /// </summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, Editor: nothing changes.</exception>
    public async Task<EditResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.AdministrarUsuarios);
        await AdministratorsGate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (users, db) = Resolve(scope);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return EditResult.Fail(UnknownUser);
            }

            if (user.IsDisabled == disabled)
            {
                return EditResult.Ok; // Already so: nothing to record.
            }

            if (disabled && await IsLastEnabledAdministratorAsync(users, user))
            {
                return EditResult.Fail("No se puede deshabilitar al último administrador: primero dé el rol de Administrador a otra cuenta activa.");
            }

            if (disabled && user.Id == actor.UserId)
            {
                return EditResult.Fail("No puede deshabilitar su propia cuenta: pídaselo a otro administrador.");
            }

            var before = Snapshot(user, MainRole(await users.GetRolesAsync(user)));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            user.IsDisabled = disabled;
            user.LockoutEnabled = true;
            user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
            user.AccessFailedCount = 0;
            var updated = await users.UpdateSecurityStampAsync(user); // Saves the user; the sessions of a disabled user end.
            if (!updated.Succeeded)
            {
                return EditResult.Fail(Describe(updated));
            }

            var after = new Dictionary<string, object?>(before) { ["IsDisabled"] = disabled };
            await AuditAsync(db, actor, AuditAction.Modificado, user.Id, before, after, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return EditResult.Ok;
        }
        finally
        {
            AdministratorsGate.Release();
        }
    }

    /// <summary>Gives the user exactly one role. The last enabled Administrador keeps the role.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, Editor: nothing changes.</exception>
    public async Task<EditResult> ChangeRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.AdministrarUsuarios);
        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            return EditResult.Fail($"El rol «{role}» no existe. Elija Administrador, Editor o Lector.");
        }

        await AdministratorsGate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (users, db) = Resolve(scope);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return EditResult.Fail(UnknownUser);
            }

            var current = await users.GetRolesAsync(user);
            if (current.Count == 1 && current[0] == role)
            {
                return EditResult.Ok; // Already so: nothing to record.
            }

            if (role != Roles.Administrador && current.Contains(Roles.Administrador) && await IsLastEnabledAdministratorAsync(users, user))
            {
                return EditResult.Fail("No se puede quitar el rol de Administrador al último administrador: primero dé ese rol a otra cuenta activa.");
            }

            var before = Snapshot(user, MainRole(current));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (current.Count > 0)
            {
                var removed = await users.RemoveFromRolesAsync(user, current);
                if (!removed.Succeeded)
                {
                    return EditResult.Fail(Describe(removed));
                }
            }

            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return EditResult.Fail(Describe(added));
            }

            // A new stamp ends the user's other sessions and open circuits within a minute, as disabling does.
            var restamped = await users.UpdateSecurityStampAsync(user);
            if (!restamped.Succeeded)
            {
                return EditResult.Fail(Describe(restamped));
            }

            await AuditAsync(db, actor, AuditAction.Modificado, user.Id, before, Snapshot(user, role), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return EditResult.Ok;
        }
        finally
        {
            AdministratorsGate.Release();
        }
    }

    /// <summary>
    /// A random password of <see cref="GeneratedPasswordLength"/> characters with upper-case and lower-case letters and
    /// digits (Identity's rules here: 10 characters, upper, lower, digit), from a cryptographic generator.
    /// </summary>
    public static string GeneratePassword()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Upper + Lower + Digits, GeneratedPasswordLength);
            if (password.Any(Upper.Contains) && password.Any(Lower.Contains) && password.Any(Digits.Contains))
            {
                return password;
            }
        }
    }

    private static (UserManager<ApplicationUser> Users, GobiernoDigitalDbContext Db) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
         // The same scoped context as the user store's: the audit entry joins the identity change's transaction.
         scope.ServiceProvider.GetRequiredService<GobiernoDigitalDbContext>());

    /// <summary>The user's role as listed: Administrador over Editor over Lector; empty when none.</summary>
    private static string MainRole(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return Roles.All.FirstOrDefault(set.Contains) ?? string.Empty;
    }

    private static async Task<bool> IsLastEnabledAdministratorAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        if (user.IsDisabled)
        {
            return false;
        }

        var administrators = await users.GetUsersInRoleAsync(Roles.Administrador);
        return administrators.Any(a => a.Id == user.Id) && !administrators.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    private static Dictionary<string, object?> Snapshot(ApplicationUser user, string role) => new()
    {
        ["UserName"] = user.UserName,
        ["DisplayName"] = user.DisplayName,
        ["Role"] = role,
        ["IsDisabled"] = user.IsDisabled,
    };

    private async Task AuditAsync(
        GobiernoDigitalDbContext db,
        AuditActor actor,
        AuditAction action,
        string userId,
        Dictionary<string, object?>? before,
        Dictionary<string, object?> after,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntryFactory.Create(
            AuditCatalog.Users,
            action,
            userId,
            AuditNames.UserName(user?.DisplayName, user?.UserName),
            before,
            after,
            actor,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description).DefaultIfEmpty("No se pudo completar la operación."));
}
