using System.Globalization;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Some actions of a list of the report, and how many the list has in all.</summary>
/// <remarks><b>Listed</b>: The first actions, the earliest end date first; at most the number the caller asked for.</remarks>
public sealed record ReportActions(IReadOnlyList<PlanActionModel> Listed, int Total)
{
    /// <summary>How many the report leaves out ("y 5 más").</summary>
    public int NotListed => Total - Listed.Count;
}

/// <summary>
/// The current plan as the report shows it: its code and version, its counters, its late actions and those due soon,
/// and the evaluation of effectiveness the plan page shows by default.
/// </summary>
/// <remarks>
/// <b>Today</b>: The date, in Colombia, on which the statuses were derived.<br/>
/// <b>Counters</b>: The plan page's counters (<see cref="PlanCounters.Of"/>) on <b>Today</b>.<br/>
/// <b>Late</b>: Open actions past their end date.<br/>
/// <b>DueSoon</b>: Open actions ending within the next 30 days, today included.<br/>
/// <b>Effectiveness</b>: <see cref="PlanService.GetEffectivenessAsync"/> with its default vigencias (the plan's measured
/// vigencia and the first measured after it), as the plan page opens it; null when there is no plan.<br/>
/// </remarks>
public sealed record ReportPlan(
    string Code,
    int Version,
    string Title,
    DateOnly Today,
    PlanCounters Counters,
    ReportActions Late,
    ReportActions DueSoon,
    PlanEffectivenessModel? Effectiveness)
{
    /// <summary>The categories of the evaluation by verdict, in the order Eficaz, Parcialmente eficaz, Sin efecto, Sin datos; verdicts no category has are left out.</summary>
    public IReadOnlyList<(EffectivenessVerdict Verdict, IReadOnlyList<string> Categories)> Verdicts { get; } =
        Effectiveness is null ? []
        : Enum.GetValues<EffectivenessVerdict>().OrderBy(v => v == EffectivenessVerdict.SinDatos)
            .Select(v => (v, (IReadOnlyList<string>)Effectiveness.Categories.Where(c => c.Result.Verdict == v).Select(c => c.CategoryName).ToList()))
            .Where(x => x.Item2.Count > 0)
            .ToList();
}

/// <summary>What the committee report shows for a vigencia.</summary>
/// <remarks>
/// <b>Entity</b>: Null on a database without an entity.<br/>
/// <b>Vigencias</b>: Every measured vigencia, newest first.<br/>
/// <b>Plan</b>: Null when there is no plan.<br/>
/// <b>GeneratedAt</b>: When the report was generated, in Colombia's time.<br/>
/// </remarks>
public sealed record ReportModel(
    EntityInfo? Entity,
    IReadOnlyList<int> Vigencias,
    MeasurementInfo Measurement,
    VigenciaReport Report,
    ReportPlan? Plan,
    DateTime GeneratedAt)
{
    /// <summary>The peer group's averages of the vigencia (<em>grupo par</em>), drawn on the radar when any was recorded.</summary>
    public PeerComparison Peers { get; init; } = PeerComparison.None;

    /// <summary>"23/11/2026 19:18".</summary>
    public string GeneratedAtText => GeneratedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Categories whose score rose since the previous vigencia (by at least 0,1 shown), the largest rise first.</summary>
    public IReadOnlyList<CategoryResult> Rose { get; } =
        Report.Categories.Where(c => Shown(c.Change) > 0).OrderByDescending(c => c.Change).ToList();

    /// <summary>Categories whose score fell since the previous vigencia (by at least 0,1 shown), the largest fall first.</summary>
    public IReadOnlyList<CategoryResult> Fell { get; } =
        Report.Categories.Where(c => Shown(c.Change) < 0).OrderBy(c => c.Change).ToList();

    /// <summary>Categories measured in both vigencias with the same score (as shown, to one decimal).</summary>
    public int Unchanged => Report.Categories.Count(c => Shown(c.Change) == 0);

    /// <summary>Categories that cannot be compared: not measured in one of the two vigencias.</summary>
    public int NotComparable => Report.Categories.Count(c => c.Change is null);

    // Classified as the page shows the change: a rise of 0,04 reads "0,0", which is no rise.
    private static decimal? Shown(decimal? change) =>
        change is { } c ? decimal.Round(c, 1, MidpointRounding.AwayFromZero) : null;
}
