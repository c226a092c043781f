using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ImportApplierTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        Assert.Equal(SeedOutcome.Seeded, await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct));

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ApplyAsync_SaveFailsAfterTheScoresWereWritten_NothingIsSaved()
    {
        var preview = await PreviewAsync([2023, "Transparencia", 55], [2024, "Transparencia", 60]);
        var before = await _database.ContentHashAsync();
        var failing = new FailOnSave(failingCall: 2);
        await using var db = new GobiernoDigitalDbContext(new DbContextOptionsBuilder<GobiernoDigitalDbContext>()
            .UseSqlite(_database.ConnectionString)
            .AddInterceptors(failing)
            .Options)
        {
            Actor = new AuditActor("id-asesora", "Asesora"),
        };

        // The second save of the unit of work writes the audit entries, after the scores and the measurement.
        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportApplier.ApplyAsync(db, preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct));

        Assert.Equal(2, failing.Calls);
        Assert.Equal(before, await _database.ContentHashAsync());
    }

    [Fact]
    public async Task ApplyAsync_PreviewOfABadFile_RefusedWithoutOpeningATransaction()
    {
        var preview = await PreviewAsync([2023, "Inventada", 55]);
        var before = await _database.ContentHashAsync();
        await using var db = _database.CreateDbContext();

        var outcome = await ImportApplier.ApplyAsync(db, preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Equal(ImportApplier.FileHasErrors, outcome.Error);
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(before, await _database.ContentHashAsync());
    }

    private async Task<ImportPreview> PreviewAsync(params object?[][] rows)
    {
        var read = await ScoreFiles.ReadAsync(ScoreFiles.Utf8(ScoreFiles.CsvText(';', ScoreFiles.RequiredHeader, rows)), "puntajes.csv");
        await using var db = _database.CreateDbContext();
        return ImportAnalyzer.Analyze(read.File!, await ScoringSnapshot.LoadAsync(db, Ct));
    }

    /// <summary>Throws on the n-th save of the context, as a full disk or a lost connection would.</summary>
    private sealed class FailOnSave(int failingCall) : SaveChangesInterceptor
    {
        public int Calls { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Calls == failingCall
                ? throw new InvalidOperationException("Simulated failure while saving.")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
