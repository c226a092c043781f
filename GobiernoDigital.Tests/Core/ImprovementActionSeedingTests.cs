using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace GobiernoDigital.Tests.Core;

/// <summary>The seed's «mejoras para implementar» become actions, on a first start and on a database seeded before actions existed.</summary>
public sealed class ImprovementActionSeedingTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    /// <summary>What the seed document says, read independently of the loader: the dated paragraphs of findings not marked NO APLICA.</summary>
    private static List<(string Category, string Text, DateOnly Start, DateOnly End)> ExpectedActions() =>
        SeedLoader.ReadDocument(SeedFiles.Real).Plan!.Findings
            .Where(f => f.Deadline is not null && !f.ImprovementsNotApplicable)
            .SelectMany(f => f.Improvements.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (f.Category, t.Trim(), f.Deadline!.Start, f.Deadline.End)))
            .ToList();

    [Fact]
    public async Task FirstStart_EachDatedImprovementParagraph_IsAnActionNotStartedWithoutOwner()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await AssertActionsAreTheSeedsAsync();
    }

    [Fact]
    public async Task FirstStart_FindingsMarkedNoAplica_HaveNoActions()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var db = await _database.CreateDbContextAsync(Ct);
        var notApplicable = await db.Findings.Include(f => f.Actions).Where(f => f.ImprovementsNotApplicable).ToListAsync(Ct);
        Assert.NotEmpty(notApplicable); // the seed has such rows (Servicios centrados en el usuario, Trámites, TIC para Servicios)
        Assert.All(notApplicable, f => Assert.Empty(f.Actions));
    }

    [Fact]
    public async Task Migration_DatabaseSeededBeforeActionsExisted_GetsTheSameActions()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            // Back to the schema before actions (dropping their tables), as a database of the previous release is.
            var migrations = db.Database.GetMigrations().ToList();
            var beforeActions = migrations[migrations.FindIndex(m => m.EndsWith("_ImprovementActions", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeActions, Ct);
        }

        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await AssertActionsAreTheSeedsAsync();
    }

    private async Task AssertActionsAreTheSeedsAsync()
    {
        var expected = ExpectedActions();
        await using var db = await _database.CreateDbContextAsync(Ct);
        var actions = await db.Actions.AsNoTracking()
            .Join(db.Findings, a => a.FindingId, f => f.Id, (a, f) => new { Action = a, f.CategoryId, FindingOrder = f.DisplayOrder })
            .Join(db.Categories, x => x.CategoryId, c => c.Id, (x, c) => new { x.Action, x.FindingOrder, Category = c.Name })
            .ToListAsync(Ct);

        Assert.Equal(expected.Count, actions.Count);
        Assert.Equal(
            expected,
            actions.OrderBy(a => a.FindingOrder).ThenBy(a => a.Action.DisplayOrder)
                .Select(a => (a.Category, a.Action.Description, a.Action.StartDate, a.Action.EndDate)));
        Assert.All(actions, a =>
        {
            Assert.Equal(ActionStatus.NoIniciada, a.Action.Status);
            Assert.Null(a.Action.Responsible);
            Assert.Equal(0, a.Action.Progress);
        });
    }
}
