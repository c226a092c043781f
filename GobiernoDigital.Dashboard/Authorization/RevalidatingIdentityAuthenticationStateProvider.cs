using System.Security.Claims;
using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>
/// The authentication state of a Blazor circuit, checked against the database every <see cref="Interval"/> (as the
/// Identity template's <c>IdentityRevalidatingAuthenticationStateProvider</c>): when the account was deleted or disabled,
/// its security stamp changed (password reset, role change, disabling) or it lost a role the circuit still claims, the
/// circuit becomes anonymous, so an open tab stops showing Editor-only pages instead of only refusing their writes.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>
    /// As often as the cookie's own check (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>): a demoted or
    /// disabled user loses the pages within a minute in an open tab as in a new one. One small query per circuit and minute.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // The circuit outlives any scope: each check reads the account with a UserManager and context of its own.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await IsStillValidAsync(users, options.Value, authenticationState.User);
    }

    /// <summary>
    /// Whether <paramref name="principal"/> still describes the account as stored: it exists and is enabled, has the same
    /// security stamp, and every role the principal claims.
    /// </summary>
    public static async Task<bool> IsStillValidAsync(UserManager<ApplicationUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (users.SupportsUserSecurityStamp &&
            principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var claimed = principal.FindAll(options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        var stored = await users.GetRolesAsync(user);
        return claimed.All(stored.Contains);
    }
}
