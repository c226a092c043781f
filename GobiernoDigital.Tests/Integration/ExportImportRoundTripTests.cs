using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.Core;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// Export → import: the whole history exported from one database and imported into another that has only the seed
/// reproduces every score, observation and meta, in both formats.
/// </summary>
public sealed class ExportImportRoundTripTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _source = new();
    private readonly SqliteTestDatabase _target = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await DatabaseInitializer.InitializeAsync(_source, SeedFiles.Real, Ct);
        await DatabaseInitializer.InitializeAsync(_target, SeedFiles.Real, Ct);

        // Vigencia 2024 in the source: every kind of score, observations (one that looks like a formula), and metas.
        await using var db = await _source.CreateDbContextAsync(Ct);
        var categories = await db.Categories.OrderBy(c => c.DisplayOrder).ToListAsync(Ct);
        var measurement = new Measurement(2024, new DateOnly(2025, 5, 30), MeasurementSource.Autodiagnostico, null);
        for (var i = 0; i < categories.Count; i++)
        {
            var score = (i % 5) switch
            {
                0 => Score.NotApplicable,
                1 => Score.NotMeasured,
                _ => Score.Measured(10m + (i * 4.5m)),
            };
            measurement.SetScore(categories[i], score, i % 3 == 0 ? $"=SUMA(A{i}) observación; con \"comillas\"" : null);
            db.Targets.Add(new Target(categories[i].Id, 2024, 50m + i));
        }

        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _source.Dispose();
        _target.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(SpreadsheetFormat.Xlsx)]
    [InlineData(SpreadsheetFormat.Csv)]
    public async Task ExportedHistory_ImportedIntoAnotherDatabase_ReproducesTheSameScores(SpreadsheetFormat format)
    {
        using var file = new MemoryStream();
        ScoringSnapshot sourceData;
        await using (var db = await _source.CreateDbContextAsync(Ct))
        {
            sourceData = await ScoringSnapshot.LoadAsync(db, Ct);
        }

        var export = ScoreExport.Create(sourceData)!;
        export.Write(file, format);
        file.Position = 0;

        var read = await ScoreFileReader.ReadAsync(file, export.FileName(format), file.Length, Ct);
        Assert.True(read.Succeeded, string.Join(" | ", read.Errors));
        await using (var db = await _target.CreateDbContextAsync(Ct))
        {
            var preview = ImportAnalyzer.Analyze(read.File!, await ScoringSnapshot.LoadAsync(db, Ct));
            Assert.Empty(preview.Errors);
            var outcome = await ImportApplier.ApplyAsync(db, preview, MeasurementSource.Autodiagnostico, MeasurementState.Provisional, Ct);
            Assert.True(outcome.Succeeded, outcome.Error);
        }

        await using (var db = await _target.CreateDbContextAsync(Ct))
        {
            var imported = await ScoringSnapshot.LoadAsync(db, Ct);
            Assert.Equal(Effective(sourceData), Effective(imported));
        }
    }

    [Fact]
    public async Task ExportedHistory_ImportedIntoTheSameDatabase_ChangesNothing()
    {
        using var file = new MemoryStream();
        await using var db = await _source.CreateDbContextAsync(Ct);
        var export = ScoreExport.Create(await ScoringSnapshot.LoadAsync(db, Ct))!;
        export.Write(file, SpreadsheetFormat.Csv);
        file.Position = 0;

        var read = await ScoreFileReader.ReadAsync(file, "puntajes-historico.csv", file.Length, Ct);
        var preview = ImportAnalyzer.Analyze(read.File!, await ScoringSnapshot.LoadAsync(db, Ct));

        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Changes);
    }

    /// <summary>What a user sees per vigencia and category: the score, the observation and the meta.</summary>
    private static List<(int Vigencia, string Category, string Score, string? Observation, decimal Meta)> Effective(ScoringSnapshot data) =>
        data.Measurements
            .SelectMany(m => data.Categories.Where(c => c.AppliesTo(m.Vigencia)), (m, c) => (
                m.Vigencia,
                c.Name,
                data.ScoreOf(m, c).ToString(),
                m.Scores.FirstOrDefault(s => s.CategoryId == c.Id)?.Observation,
                data.TargetOf(c.Id, m.Vigencia)))
            .OrderBy(x => x.Vigencia).ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
}
