using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// What a circuit's periodic check accepts: the account as stored, read afresh. Changes here are made straight through
/// Identity without a new security stamp, to show that each check (enabled, roles) holds on its own.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProviderTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task App_CircuitsUseTheRevalidatingProvider()
    {
        await using var scope = app.Services.CreateAsyncScope();

        Assert.IsType<RevalidatingIdentityAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Theory]
    [InlineData("sin-cambios", true)]
    [InlineData("rol-quitado", false)]
    [InlineData("deshabilitada", false)]
    [InlineData("eliminada", false)]
    [InlineData("sello-nuevo", false)]
    public async Task IsStillValidAsync_AccountChangedSinceTheCircuitStarted_OnlyAnUnchangedAccountStays(string change, bool expected)
    {
        var user = await TestUsers.CreateAsync(app.Services, $"editor.{change}", Roles.Editor);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var stored = (await users.FindByIdAsync(user.Id))!;
        var stamp = stored.SecurityStamp;

        switch (change)
        {
            case "rol-quitado":
                await users.RemoveFromRoleAsync(stored, Roles.Editor);
                await users.AddToRoleAsync(stored, Roles.Lector);
                break;
            case "deshabilitada":
                stored.IsDisabled = true;
                await users.UpdateAsync(stored);
                break;
            case "eliminada":
                await users.DeleteAsync(stored);
                break;
            case "sello-nuevo":
                await users.UpdateSecurityStampAsync(stored);
                break;
        }

        var valid = await RevalidatingIdentityAuthenticationStateProvider.IsStillValidAsync(
            users, scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value, principal);

        Assert.Equal(expected, valid);
        if (change is "rol-quitado" or "deshabilitada")
        {
            Assert.Equal(stamp, (await users.FindByIdAsync(user.Id))!.SecurityStamp); // The check did not lean on the stamp.
        }
    }
}
