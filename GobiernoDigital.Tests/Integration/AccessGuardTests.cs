using System.Security.Claims;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The guard reads the account afresh on every change: a tab opened before a user was disabled or demoted keeps its
/// old identity (the circuit's principal), but it can no longer change data.
/// </summary>
public sealed class AccessGuardTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task DemandAsync_ActiveEditor_ReturnsTheActorWithTheDisplayName()
    {
        var user = await TestUsers.CreateAsync(app.Services, "guardia-activa", Roles.Editor, "Editora Activa");

        var actor = await GuardFor(user, Roles.Editor).DemandAsync(Policies.EditarPuntajes);

        Assert.Equal(user.Id, actor.UserId);
        Assert.Equal("Editora Activa", actor.UserName);
    }

    [Fact]
    public async Task DemandAsync_EditorDisabledAfterTheTabOpened_IsRefused()
    {
        var user = await TestUsers.CreateAsync(app.Services, "guardia-deshabilitada", Roles.Editor);
        var guard = GuardFor(user, Roles.Editor); // the principal still says Editor, as an open circuit would
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.IsDisabled = true;
            await users.UpdateAsync(stored);
        }

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => guard.DemandAsync(Policies.EditarPuntajes));
        Assert.Contains("deshabilitada", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemandAsync_EditorDemotedToLectorAfterTheTabOpened_IsRefused()
    {
        var user = await TestUsers.CreateAsync(app.Services, "guardia-degradada", Roles.Editor);
        var guard = GuardFor(user, Roles.Editor);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            await users.RemoveFromRoleAsync(stored!, Roles.Editor);
            await users.AddToRoleAsync(stored!, Roles.Lector);
        }

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => guard.DemandAsync(Policies.EditarPuntajes));
        Assert.Contains("rol", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemandAsync_PrincipalOfADeletedAccount_IsRefused()
    {
        var ghost = new ApplicationUser { Id = "no-existe", UserName = "fantasma" };

        await Assert.ThrowsAsync<AccessDeniedException>(() => GuardFor(ghost, Roles.Administrador).DemandAsync(Policies.EditarPuntajes));
    }

    private AccessGuard GuardFor(ApplicationUser user, string role)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.UserName!),
                new Claim(AppClaimsPrincipalFactory.DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName! : user.DisplayName),
                new Claim(ClaimTypes.Role, role),
            ],
            authenticationType: "Test");
        return new AccessGuard(
            new FakeCurrentUser(new ClaimsPrincipal(identity)),
            TestAuthorization.Service,
            app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>());
    }
}
