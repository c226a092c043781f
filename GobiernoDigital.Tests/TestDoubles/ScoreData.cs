using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// What an import can change, read from the database: the measurements (vigencia → source), every recorded score with
/// its observation, and every meta set. Two equal states mean the same scores, metas and measurements.
/// </summary>
public sealed record ScoreData(
    Dictionary<int, MeasurementSource> Measurements,
    Dictionary<(int Vigencia, int CategoryId), (Score Score, string? Observation)> Scores,
    Dictionary<(int CategoryId, int Vigencia), decimal> Targets)
{
    public static async Task<ScoreData> LoadAsync(IDbContextFactory<GobiernoDigitalDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var measurements = await db.Measurements.AsNoTracking().Include(m => m.Scores).ToListAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        return new ScoreData(
            measurements.ToDictionary(m => m.Vigencia, m => m.Source),
            measurements.SelectMany(m => m.Scores, (m, s) => (m.Vigencia, s)).ToDictionary(x => (x.Vigencia, x.s.CategoryId), x => (x.s.Score, x.s.Observation)),
            targets.ToDictionary(t => (t.CategoryId, t.Vigencia), t => t.Value));
    }

    /// <summary>Asserts that both states hold the same measurements, scores and metas (the diff names what differs).</summary>
    public static void AssertEqual(ScoreData expected, ScoreData actual)
    {
        Assert.Equal(expected.Measurements, actual.Measurements);
        Assert.Equal(expected.Scores, actual.Scores);
        Assert.Equal(expected.Targets, actual.Targets);
    }

    /// <summary>This state with <paramref name="changes"/> applied by hand: what the database must hold after the import.</summary>
    public ScoreData With(IEnumerable<ImportChange> changes, MeasurementSource sourceForNewMeasurements)
    {
        var expected = new ScoreData(new(Measurements), new(Scores), new(Targets));
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case ImportChangeKind.CreateMeasurement:
                    expected.Measurements.Add(change.Vigencia, sourceForNewMeasurements);
                    break;
                case ImportChangeKind.CreateScore or ImportChangeKind.ChangeScore:
                    expected.Scores[(change.Vigencia, change.CategoryId!.Value)] = (change.NewScore!.Value, change.NewObservation);
                    break;
                default:
                    expected.Targets[(change.CategoryId!.Value, change.Vigencia)] = change.NewTarget!.Value;
                    break;
            }
        }

        return expected;
    }
}
