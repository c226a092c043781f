using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// Each test works on migrated, empty SQLite files of its own, so no other test moves their versions meanwhile.
public sealed class DataVersionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly SqliteTestDatabase _other = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await DatabaseInitializer.InitializeAsync(_database, seedFile: null, Ct);
        await DatabaseInitializer.InitializeAsync(_other, seedFile: null, Ct);
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        _other.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Of_AfterSaveChanges_MovesForThatDatabaseOnly()
    {
        var before = DataVersion.Of(_database.ConnectionString);
        var otherBefore = DataVersion.Of(_other.ConnectionString);

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            db.Components.Add(new Component("Gobernanza", 1));
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(DataVersion.Of(_database.ConnectionString) > before);
        Assert.Equal(otherBefore, DataVersion.Of(_other.ConnectionString));
    }

    [Fact]
    public async Task Of_AfterReadsOnly_DoesNotMove()
    {
        var before = DataVersion.Of(_database.ConnectionString);

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            _ = await db.Categories.AsNoTracking().ToListAsync(Ct);
            _ = await db.Measurements.CountAsync(Ct);
        }

        Assert.Equal(before, DataVersion.Of(_database.ConnectionString));
    }

    [Fact]
    public async Task Of_SaveInsideATransaction_MovesAgainWhenTheTransactionCommits()
    {
        await using var db = await _database.CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Components.Add(new Component("Gobernanza", 1));
        await db.SaveChangesAsync(Ct);
        var saved = DataVersion.Of(_database.ConnectionString);

        await transaction.CommitAsync(Ct);

        // A reader that looked between the save and the commit saw the old data: the commit must move the version again.
        Assert.True(DataVersion.Of(_database.ConnectionString) > saved);
    }

    [Fact]
    public async Task Of_AfterExecuteDelete_Moves()
    {
        var before = DataVersion.Of(_database.ConnectionString);

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            await db.Targets.Where(t => t.Vigencia == 2023).ExecuteDeleteAsync(Ct);
        }

        Assert.True(DataVersion.Of(_database.ConnectionString) > before);
    }

    [Fact]
    public async Task Of_TheSameFileWrittenInAnotherWay_SharesTheVersion()
    {
        var spelledOtherwise = $"Data Source={Path.Combine(Path.GetDirectoryName(_database.FilePath)!, ".", Path.GetFileName(_database.FilePath))}";
        var before = DataVersion.Of(spelledOtherwise);

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            db.Components.Add(new Component("Gobernanza", 1));
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(DataVersion.Of(spelledOtherwise) > before);
    }
}
