using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>One version of the plan, as the version list shows it.</summary>
public sealed record PlanVersionInfo(int Version, DateOnly ApprovedOn, string? ApprovalAct);

/// <summary>The header of a version of the plan: what the document's header says, and where it stands among the versions.</summary>
/// <remarks>
/// <b>IsCurrent</b>: True for the highest version of the code; earlier versions are read-only.<br/>
/// <b>Versions</b>: Every version of the code, oldest first.<br/>
/// </remarks>
public sealed record PlanHeader(
    int Id,
    string Title,
    string Code,
    int Version,
    DateOnly ApprovedOn,
    string? ApprovalAct,
    string ApprovedBy,
    string PreparedBy,
    string? PreparedByRole,
    DateOnly? PreparedOn,
    int MeasuredVigencia,
    bool IsCurrent,
    IReadOnlyList<PlanVersionInfo> Versions)
{
    /// <summary>The version that replaced this one (the next one); null for the current version.</summary>
    public PlanVersionInfo? ReplacedBy => Versions.Where(v => v.Version > Version).MinBy(v => v.Version);
}

/// <summary>An action of the plan as the plan page, the timeline and the category page show it.</summary>
/// <remarks>
/// <b>Status</b>: The status on the page's today: Vencida when the end date passed and it is still open (see <see cref="ImprovementAction.StatusOn"/>).<br/>
/// <b>StoredStatus</b>: The status as recorded (never Vencida).<br/>
/// <b>IsDueSoon</b>: Open and ending within <see cref="ActionStatusText.DueSoonDays"/> days of today.<br/>
/// </remarks>
public sealed record PlanActionModel(
    int Id,
    int FindingId,
    int CategoryId,
    string CategoryName,
    string CategoryShortLabel,
    int ComponentId,
    string ComponentName,
    string Description,
    string? Responsible,
    DateOnly StartDate,
    DateOnly EndDate,
    ActionStatus StoredStatus,
    ActionStatus Status,
    int Progress,
    decimal? ExpectedPoints,
    DateOnly? CompletedOn,
    int EvidenceCount,
    bool IsDueSoon)
{
    /// <summary>"No iniciada", "En curso", "Completada", "Cancelada" or "Vencida".</summary>
    public string StatusText => ActionStatusText.Label(Status);

    /// <summary>Still to be done: not completed and not cancelled (late or not).</summary>
    public bool IsOpen => StoredStatus is ActionStatus.NoIniciada or ActionStatus.EnCurso;

    /// <summary>The description cut at a word to at most <paramref name="maxLength"/> characters, with "…" when cut.</summary>
    public string ShortDescription(int maxLength)
    {
        var text = string.Join(' ', Description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text[..(maxLength - 1)];
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > maxLength / 2 ? cut[..lastSpace] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}

/// <summary>A finding of the plan with its actions; a finding marked «NO APLICA» has none by design.</summary>
public sealed record PlanFindingModel(
    int Id,
    int DisplayOrder,
    int CategoryId,
    string CategoryName,
    string CategoryShortLabel,
    int ComponentId,
    string ComponentName,
    decimal? RowScore,
    bool NotApplicable,
    IReadOnlyList<PlanActionModel> Actions);

/// <summary>The counters of the plan page, on the page's today.</summary>
/// <remarks>
/// <b>Late</b>: Vencidas: open actions whose end date passed.<br/>
/// <b>DueSoon</b>: Open actions ending within 30 days, today included.<br/>
/// </remarks>
public sealed record PlanCounters(int Total, int Late, int DueSoon, int Completed, int Cancelled)
{
    public static PlanCounters Of(IReadOnlyCollection<PlanActionModel> actions) => new(
        actions.Count,
        actions.Count(a => a.Status == ActionStatus.Vencida),
        actions.Count(a => a.IsDueSoon),
        actions.Count(a => a.Status == ActionStatus.Completada),
        actions.Count(a => a.Status == ActionStatus.Cancelada));
}

/// <summary>A version of the plan with its findings, actions and counters, as seen on <paramref name="Today"/> (Colombia).</summary>
public sealed record PlanModel(PlanHeader Header, DateOnly Today, IReadOnlyList<PlanFindingModel> Findings, PlanCounters Counters)
{
    /// <summary>Every action of the plan, in the plan's order (finding, then action).</summary>
    public IReadOnlyList<PlanActionModel> Actions { get; } = Findings.SelectMany(f => f.Actions).ToList();
}

/// <summary>The evaluation of one category of the plan between two vigencias.</summary>
public sealed record CategoryEffectiveness(int CategoryId, string CategoryName, string ComponentName, EffectivenessResult Result)
{
    /// <summary>"Eficaz", "Parcialmente eficaz", "Sin efecto" or "Sin datos".</summary>
    public string VerdictText => EffectivenessCalculator.Label(Result.Verdict);
}

/// <summary>The <em>evaluación de la eficacia</em> of the current plan between vigencias A and B.</summary>
/// <remarks>
/// <b>MeasuredVigencias</b>: Every measured vigencia, oldest first: the choices for A and B.<br/>
/// <b>ToVigencia</b>: B; null when no vigencia after A is measured (every verdict is then Sin datos).<br/>
/// <b>TotalEffect</b>: Σ of the categories' effects on the Porcentaje de Cumplimiento; null when none has one.<br/>
/// <b>ActualPercentageChange</b>: Porcentaje de Cumplimiento of B − that of A; null unless both have a figure.<br/>
/// <b>Problem</b>: A Spanish message when the pair cannot be evaluated (B not after A); the categories are then empty.<br/>
/// </remarks>
public sealed record PlanEffectivenessModel(
    IReadOnlyList<int> MeasuredVigencias,
    int FromVigencia,
    int? ToVigencia,
    IReadOnlyList<CategoryEffectiveness> Categories,
    decimal? TotalEffect,
    decimal? FromPercentage,
    decimal? ToPercentage,
    decimal? ActualPercentageChange,
    string? Problem);
