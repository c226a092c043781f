using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Tests.Core;
using Xunit;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// A <see cref="SqliteTestDatabase"/> migrated and seeded from the real data/ file, as the app does on a first start.
/// Share one per test class (<c>IClassFixture</c>) when the tests only read.
/// </summary>
public sealed class SeededTestDatabase : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var outcome = await DatabaseInitializer.InitializeAsync(Database, SeedFiles.Real);
        if (outcome != SeedOutcome.Seeded)
        {
            // A test that reads an empty database would fail for the wrong reason.
            throw new InvalidOperationException($"The test database was not seeded from {SeedFiles.Real}: {outcome}.");
        }
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}
