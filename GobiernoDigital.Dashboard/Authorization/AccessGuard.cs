using System.Security.Claims;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components.Authorization;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>Raised by a service when the current user may not do what was asked. The message is shown as is.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>Who the current user is, as the services see it.</summary>
public interface ICurrentUser
{
    Task<ClaimsPrincipal> GetAsync();
}

/// <summary>The signed-in user of the request or circuit.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState) : ICurrentUser
{
    public async Task<ClaimsPrincipal> GetAsync() => (await authenticationState.GetAuthenticationStateAsync()).User;
}

/// <summary>
/// The check every data-changing service method makes first: hiding a button is not enough.
/// Returns the actor to record in the audit trail.
/// </summary>
/// <remarks>
/// With the database (as in the app), the account and its roles are also read afresh on every change, so a user
/// disabled, demoted or deleted while a tab is open cannot keep editing with the identity the circuit started with.
/// </remarks>
public sealed class AccessGuard(ICurrentUser currentUser, IAuthorizationService authorization, IDbContextFactory<GobiernoDigitalDbContext>? dbFactory = null)
{
    /// <exception cref="AccessDeniedException">The user is anonymous or lacks the policy.</exception>
    public async Task<AuditActor> DemandAsync(string policy)
    {
        var user = await currentUser.GetAsync();
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new AccessDeniedException("Inicie sesión con una cuenta autorizada para hacer este cambio.");
        }

        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            throw new AccessDeniedException("Su cuenta no tiene permiso para hacer este cambio.");
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (dbFactory is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var account = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.IsDisabled }).FirstOrDefaultAsync();
            if (account is not { IsDisabled: false })
            {
                throw new AccessDeniedException("Su cuenta está deshabilitada o ya no existe: no puede hacer cambios.");
            }

            var granting = Policies.RolesFor(policy);
            var stillGranted = await db.UserRoles.AsNoTracking()
                .Where(ur => ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .AnyAsync(name => granting.Contains(name!));
            if (!stillGranted)
            {
                throw new AccessDeniedException("Su rol cambió y ya no tiene permiso para este cambio. Recargue la página.");
            }
        }

        var name = user.FindFirstValue("display_name") ?? user.Identity.Name ?? id;
        return new AuditActor(id, name);
    }
}
