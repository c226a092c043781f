using System.Security.Claims;
using GobiernoDigital.Dashboard.Authorization;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>A fixed current user for services under test: anonymous, or signed in with roles.</summary>
public sealed class FakeCurrentUser(ClaimsPrincipal user) : ICurrentUser
{
    /// <summary>The user the services see; may be replaced between calls.</summary>
    public ClaimsPrincipal User { get; set; } = user;

    public Task<ClaimsPrincipal> GetAsync() => Task.FromResult(User);

    /// <summary>A visitor who has not signed in.</summary>
    public static FakeCurrentUser Anonymous() => new(new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>
    /// A signed-in user with the claims the app's sign-in cookie carries: id, user name, display name and role(s).
    /// The id is <c>id-{userName}</c>.
    /// </summary>
    public static FakeCurrentUser InRole(string role, string userName, string? displayName = null, params string[] moreRoles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, IdOf(userName)),
            new(ClaimTypes.Name, userName),
            new(AppClaimsPrincipalFactory.DisplayNameClaim, displayName ?? userName),
        };
        claims.AddRange(new[] { role }.Concat(moreRoles).Select(r => new Claim(ClaimTypes.Role, r)));
        return new(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test", ClaimTypes.Name, ClaimTypes.Role)));
    }

    /// <summary>The id <see cref="InRole"/> gives the user called <paramref name="userName"/>.</summary>
    public static string IdOf(string userName) => $"id-{userName}";
}
