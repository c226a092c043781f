using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>The entity shown in the app bar and reports.</summary>
public sealed record EntityInfo(string Name, string Nit);

/// <summary>Where a vigencia's scores come from, and whether they are final.</summary>
public sealed record MeasurementInfo(int Vigencia, DateOnly? Date, MeasurementSource Source, decimal? OfficialIndex, MeasurementState State)
{
    public string SourceText => Source.Text();

    /// <summary>«Resultado oficial FURAG» only for a definitiva official result; «Resultado provisional · fuente: …» otherwise when provisional.</summary>
    public string ResultText => MeasurementStateText.ResultText(Source, State);

    public bool IsProvisional => State == MeasurementState.Provisional;
}

/// <summary>What the overview page shows for one vigencia. <c>Vigencias</c> lists every measured vigencia, newest first.</summary>
public sealed record OverviewModel(IReadOnlyList<int> Vigencias, MeasurementInfo Measurement, VigenciaReport Report)
{
    /// <summary>The peer group's averages of the vigencia; <see cref="PeerComparison.None"/> when none was recorded.</summary>
    public PeerComparison Peers { get; init; } = PeerComparison.None;
}

/// <summary>One vigencia of a category's history.</summary>
public sealed record CategoryHistoryPoint(int Vigencia, Score Score, decimal Target, decimal? Gap)
{
    /// <summary>The peer group's average of the category in the vigencia, when recorded.</summary>
    public decimal? PeerAverage { get; init; }
}

/// <summary>The plan a finding belongs to.</summary>
public sealed record PlanInfo(string Code, int Version, string Title, DateOnly ApprovedOn, int MeasuredVigencia);

/// <summary>A finding of the plan, as the category page lists it.</summary>
public sealed record FindingModel(
    PlanInfo Plan,
    decimal? RowScore,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<string> Improvements,
    bool ImprovementsNotApplicable,
    DateRange? Deadline,
    string? EffectivenessNote);

/// <summary>What the category page shows.</summary>
public sealed record CategoryDetailModel(
    int Id,
    string Name,
    string ShortLabel,
    CategoryKind Kind,
    string ComponentName,
    decimal Weight,
    string? NameInPlan,
    IReadOnlyList<CategoryHistoryPoint> History,
    IReadOnlyList<FindingModel> Findings)
{
    public CategoryHistoryPoint? Latest => History.Count > 0 ? History[^1] : null;
}
