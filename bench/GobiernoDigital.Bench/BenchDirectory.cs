using GobiernoDigital.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Bench;

/// <summary>
/// A temporary folder of one benchmark: its SQLite database (never <c>data/</c> nor the app's <c>App_Data</c>), the
/// app's log and any file the benchmark serves. Deleted on dispose.
/// </summary>
public sealed class BenchDirectory : IDbContextFactory<GobiernoDigitalDbContext>, IDisposable
{
    private int _logs;

    public BenchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("gobiernodigital-bench-").FullName;
        DatabasePath = System.IO.Path.Combine(Path, "gobiernodigital.db");
    }

    public string Path { get; }

    public string DatabasePath { get; }

    public GobiernoDigitalDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<GobiernoDigitalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString())
            .Options);

    /// <summary>Migrates and seeds the database from the published app's <c>data/</c>, as the app does on its first start.</summary>
    public async Task SeedAsync(string appDirectory, CancellationToken cancellationToken)
    {
        var seedFile = System.IO.Path.Combine(appDirectory, "data", "plan-de-mejoramiento-TI.PL03.json");
        var outcome = await DatabaseInitializer.InitializeAsync(this, seedFile, cancellationToken);
        if (outcome != SeedOutcome.Seeded)
        {
            throw new BenchException($"La base temporal no se cargó con {seedFile}: {outcome}.");
        }
    }

    public string NewLogPath(string name) => System.IO.Path.Combine(Path, $"{name}-{Interlocked.Increment(ref _logs)}.log");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException ex)
        {
            Report.Note($"No se pudo borrar {Path}: {ex.Message}");
        }
    }
}
