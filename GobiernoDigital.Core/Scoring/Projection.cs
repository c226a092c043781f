namespace GobiernoDigital.Core.Scoring;

/// <summary>A measured point of a series: a vigencia and its value (a score or the Porcentaje de Cumplimiento).</summary>
public sealed record SeriesPoint(int Vigencia, decimal Value);

/// <summary>The projection of one series (a category or the overall figure) to the plan's horizon.</summary>
/// <param name="Measured">The measured points, oldest first.</param>
/// <param name="Target">The meta to reach: the one of the horizon's own vigencia (metas 80 in 2025 and 100 in 2027 → 100 for a 2027 horizon).</param>
/// <param name="HorizonVigencia">The vigencia of the plan's end date (31/12/2027 → 2027).</param>
/// <param name="NeededPace">(meta − last value) ÷ (horizon − last vigencia), points per year; 0 when the meta is reached; null when the horizon is not after the last measurement.</param>
/// <param name="ObservedPace">(last − first) ÷ (last vigencia − first vigencia) over the measured points; null with fewer than two.</param>
/// <param name="Projected">From the last measured point to the horizon at the observed pace, kept within 0–100; empty without an observed pace.</param>
/// <param name="Needed">From the last measured point to the horizon at the needed pace.</param>
/// <param name="Targets">The meta of each vigencia from the first measured one (or the horizon) to the horizon, each year's own.</param>
public sealed record ProjectionResult(
    IReadOnlyList<SeriesPoint> Measured,
    decimal Target,
    int HorizonVigencia,
    decimal? NeededPace,
    decimal? ObservedPace,
    IReadOnlyList<SeriesPoint> Projected,
    IReadOnlyList<SeriesPoint> Needed,
    IReadOnlyList<SeriesPoint> Targets)
{
    /// <summary>True when there is only one measurement: only the needed pace can be shown.</summary>
    public bool SingleMeasurement => Measured.Count == 1;

    /// <summary>The value the observed pace reaches at the horizon; null without an observed pace.</summary>
    public decimal? ProjectedAtHorizon => Projected.Count > 0 ? Projected[^1].Value : null;

    /// <summary>At the observed pace the meta is reached by the horizon; null without an observed pace.</summary>
    public bool? OnTrack => ProjectedAtHorizon is { } v ? v >= Target : null;
}

/// <summary>Pace needed to reach the meta by the plan's end, beside the observed pace. Pure; straight lines only.</summary>
public static class ProjectionCalculator
{
    /// <summary>Projects against one meta for every vigencia.</summary>
    public static ProjectionResult Project(IReadOnlyList<SeriesPoint> measured, decimal target, int horizonVigencia) =>
        Project(measured, _ => target, horizonVigencia);

    /// <summary>
    /// Projects against each vigencia's own meta: the paces and the status are measured against the meta of the horizon's
    /// vigencia, <paramref name="targetOf"/>(<paramref name="horizonVigencia"/>), never the last measured vigencia's.
    /// </summary>
    /// <param name="measured">The measured points, in any order.</param>
    /// <param name="targetOf">The meta of a vigencia (0–100).</param>
    /// <param name="horizonVigencia">The vigencia of the plan's end date.</param>
    public static ProjectionResult Project(IReadOnlyList<SeriesPoint> measured, Func<int, decimal> targetOf, int horizonVigencia)
    {
        var points = measured.OrderBy(p => p.Vigencia).ToList();
        var target = targetOf(horizonVigencia);
        var from = points.Count > 0 ? Math.Min(points[0].Vigencia, horizonVigencia) : horizonVigencia;
        var targets = Enumerable.Range(from, horizonVigencia - from + 1).Select(v => new SeriesPoint(v, targetOf(v))).ToList();
        if (points.Count == 0)
        {
            return new ProjectionResult(points, target, horizonVigencia, null, null, [], [], targets);
        }

        var first = points[0];
        var last = points[^1];
        var years = horizonVigencia - last.Vigencia;
        decimal? needed = years <= 0 ? null : Math.Max(0m, target - last.Value) / years;
        decimal? observed = points.Count >= 2 ? (last.Value - first.Value) / (last.Vigencia - first.Vigencia) : null;

        return new ProjectionResult(
            points,
            target,
            horizonVigencia,
            needed,
            observed,
            observed is { } o && years > 0 ? Line(last, o, horizonVigencia) : [],
            needed is { } n ? Line(last, n, horizonVigencia) : [],
            targets);
    }

    private static List<SeriesPoint> Line(SeriesPoint from, decimal pace, int horizon) =>
        Enumerable.Range(from.Vigencia, horizon - from.Vigencia + 1)
            .Select(v => new SeriesPoint(v, Math.Clamp(from.Value + (pace * (v - from.Vigencia)), 0m, 100m)))
            .ToList();
}
