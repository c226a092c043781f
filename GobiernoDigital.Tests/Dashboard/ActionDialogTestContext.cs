using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>
/// The bUnit base of the action page and dialogs: the real <see cref="ActionService"/> over a seeded database of the
/// test's own, acting for an editor (the services' user), and a clock on 10/03/2026 in Colombia. The rendered components
/// stay anonymous until <see cref="SignInAsEditor"/>.
/// </summary>
public abstract class ActionDialogTestContext : DashboardTestContext
{
    protected ActionDialogTestContext()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero));
        Clock = clock;
        UseOwnDatabase();
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddScoped(_ => new ActionService(Database, TestAuthorization.Guard(EditorUser), clock));
        Services.AddScoped(_ => new PlanVersionService(Database, TestAuthorization.Guard(EditorUser), clock));
    }

    /// <summary>The user the services act for.</summary>
    protected FakeCurrentUser EditorUser { get; } = FakeCurrentUser.InRole(Roles.Editor, "asesora", "Martha Saldaña");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ActionService Actions => Services.GetRequiredService<ActionService>();

    /// <summary>The rendered components see an editor: <c>AuthorizeView Policy=EditarPlan</c> shows its content.</summary>
    protected void SignInAsEditor()
    {
        Auth.SetAuthorized("asesora");
        Auth.SetPolicies(GobiernoDigital.Dashboard.Authorization.Policies.EditarPlan);
    }

    /// <summary>The id of the only action of the seed's «Colaboración» finding.</summary>
    protected int ColaboracionActionId()
    {
        using var db = Database.CreateDbContext();
        return db.Actions.Where(a => a.Finding.Category.Name == "Colaboración").Select(a => a.Id).Single();
    }
}
