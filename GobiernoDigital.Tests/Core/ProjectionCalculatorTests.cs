using GobiernoDigital.Core.Scoring;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ProjectionCalculatorTests
{
    [Fact]
    public void Project_OneMeasurement_ShowsOnlyTheNeededPace()
    {
        // Transparencia 40 in 2023, meta 100 by 2027: (100 − 40) ÷ 4 = 15 points a year.
        var result = ProjectionCalculator.Project([new SeriesPoint(2023, 40m)], 100m, 2027);

        Assert.True(result.SingleMeasurement);
        Assert.Equal(15m, result.NeededPace);
        Assert.Null(result.ObservedPace);
        Assert.Empty(result.Projected);
        Assert.Null(result.OnTrack);
        Assert.Equal([40m, 55m, 70m, 85m, 100m], result.Needed.Select(p => p.Value));
    }

    [Fact]
    public void Project_TwoMeasurements_ComparesObservedWithNeededPace()
    {
        // 40 (2023) → 50 (2024): observed 10 a year; needed (100 − 50) ÷ 3 = 16,67; at 10 a year 2027 ends at 80: not on track.
        var result = ProjectionCalculator.Project([new SeriesPoint(2023, 40m), new SeriesPoint(2024, 50m)], 100m, 2027);

        Assert.Equal(10m, result.ObservedPace);
        Assert.Equal(50m / 3m, result.NeededPace);
        Assert.Equal(80m, result.ProjectedAtHorizon);
        Assert.False(result.OnTrack);
    }

    [Fact]
    public void Project_ObservedPaceAboveNeeded_IsOnTrackAndCappedAt100()
    {
        var result = ProjectionCalculator.Project([new SeriesPoint(2022, 20m), new SeriesPoint(2024, 80m)], 90m, 2027);

        Assert.Equal(30m, result.ObservedPace); // (80 − 20) ÷ 2
        Assert.Equal(100m, result.ProjectedAtHorizon); // 80 + 90 would pass 100
        Assert.True(result.OnTrack);
    }

    [Fact]
    public void Project_MetaAlreadyReached_NeedsNoPace()
    {
        Assert.Equal(0m, ProjectionCalculator.Project([new SeriesPoint(2023, 95m)], 90m, 2027).NeededPace);
    }

    [Fact]
    public void Project_HorizonNotAfterLastMeasurement_HasNoNeededPace()
    {
        Assert.Null(ProjectionCalculator.Project([new SeriesPoint(2027, 60m)], 100m, 2027).NeededPace);
    }

    [Fact]
    public void Project_MetasChangeByYear_UsesTheHorizonYearsOwnMeta()
    {
        // Issue 12's worked example: metas 80 (2025), 85 (2026), 100 (2027); 55 (2024) → 65 (2025), 10 a year observed.
        // Against 2025's 80 it looked on track (65 + 2 × 10 = 85 ≥ 80); against 2027's 100 the needed pace is
        // (100 − 65) ÷ 2 = 17,5 and 85 does not reach it.
        var metas = new Dictionary<int, decimal> { [2024] = 80m, [2025] = 80m, [2026] = 85m, [2027] = 100m };

        var result = ProjectionCalculator.Project([new SeriesPoint(2024, 55m), new SeriesPoint(2025, 65m)], v => metas[v], 2027);

        Assert.Equal(100m, result.Target);
        Assert.Equal(17.5m, result.NeededPace);
        Assert.Equal(85m, result.ProjectedAtHorizon);
        Assert.False(result.OnTrack);
        Assert.Equal([65m, 82.5m, 100m], result.Needed.Select(p => p.Value));
        Assert.Equal([(2024, 80m), (2025, 80m), (2026, 85m), (2027, 100m)], result.Targets.Select(t => (t.Vigencia, t.Value)));
    }
}
