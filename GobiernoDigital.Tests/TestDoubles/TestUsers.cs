using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// Accounts created through the app's own <see cref="UserManager{TUser}"/> (the started app's services, so the
/// password hasher, the lockout settings and the roles are the real ones).
/// </summary>
public static class TestUsers
{
    /// <summary>Meets the app's rules: at least 10 characters, an upper-case letter, a lower-case letter and a digit.</summary>
    public const string Password = "Clave-Segura-2026";

    /// <summary>
    /// Creates a user with <paramref name="role"/>; fails loudly when Identity refuses it. A disabled user is also locked
    /// out for good, as the user administration leaves it; <paramref name="id"/> fixes the id (to match a fake principal).
    /// </summary>
    public static async Task<ApplicationUser> CreateAsync(
        IServiceProvider services, string userName, string role, string? displayName = null, bool disabled = false, string? id = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = userName,
            DisplayName = displayName ?? userName,
            EmailConfirmed = true,
            LockoutEnabled = true,
            IsDisabled = disabled,
            LockoutEnd = disabled ? DateTimeOffset.MaxValue : null,
        };
        if (id is not null)
        {
            user.Id = id;
        }

        Succeed(await users.CreateAsync(user, Password), $"create {userName}");
        Succeed(await users.AddToRoleAsync(user, role), $"add {userName} to {role}");
        return user;
    }

    /// <summary>Whether the user is locked out now, read from the database in a fresh scope.</summary>
    public static async Task<bool> IsLockedOutAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return await users.IsLockedOutAsync(user);
    }

    /// <summary>Every user name with the roles of each, read in a fresh scope.</summary>
    public static async Task<IReadOnlyList<(string UserName, IList<string> Roles)>> ListAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = new List<(string, IList<string>)>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            result.Add((user.UserName ?? string.Empty, await users.GetRolesAsync(user)));
        }

        return result;
    }

    private static void Succeed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
