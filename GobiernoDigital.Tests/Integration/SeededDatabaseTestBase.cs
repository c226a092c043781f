using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Tests.Core;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// Base of the tests of a data-changing service: each test edits a SQLite file of its own, seeded from the real data/
/// file (xunit makes a new instance per test), as an Editor unless <see cref="User"/> is replaced, on a fixed clock.
/// </summary>
public abstract class SeededDatabaseTestBase : IAsyncLifetime
{
    /// <summary>The audit clock of every change.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SqliteTestDatabase Database { get; } = new();

    /// <summary>Who the services see; replace it before creating the service.</summary>
    protected FakeCurrentUser User { get; set; } = FakeCurrentUser.InRole(Roles.Editor, "asesor", "Martha Saldaña");

    /// <summary>The guard for <see cref="User"/> with the app's policies.</summary>
    protected AccessGuard Guard => TestAuthorization.Guard(User);

    protected static TimeProvider Clock { get; } = new FixedTimeProvider(Now);

    public virtual async ValueTask InitializeAsync() =>
        Assert.Equal(SeedOutcome.Seeded, await DatabaseInitializer.InitializeAsync(Database, SeedFiles.Real, Ct));

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Anonymous when <paramref name="role"/> is null, else a user in that role.</summary>
    protected static FakeCurrentUser UserIn(string? role) =>
        role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, role.ToLowerInvariant());

    protected async Task<int> CategoryIdAsync(string name)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    protected async Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.AuditEntries.OrderBy(a => a.Id).ToListAsync(Ct);
    }
}
