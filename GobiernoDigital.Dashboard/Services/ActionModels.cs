using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>One piece of evidence of an action, as the action page lists it.</summary>
public sealed record EvidenceModel(int Id, DateOnly Date, string? Url, string? Note, string? RecordedBy);

/// <summary>
/// An action with what its page shows: its finding's category and component, its plan version, its follow-up and
/// evidence, and its status on <see cref="Today"/> (Vencida derived).
/// </summary>
/// <remarks>
/// <c>Revision</c> is the revision the page loaded: every change sends it back so a concurrent change is detected.
/// <c>StoredStatus</c> is never Vencida; <c>Status</c> is the status on <c>Today</c> (Vencida when the end date passed
/// and the action is open). <c>FindingNumber</c> is the finding's position among its category's findings in the plan.
/// <c>IsCurrentPlan</c> is false for an action of a superseded plan version, which is read-only.
/// </remarks>
public sealed record ActionDetailModel(
    int Id,
    int Revision,
    string Description,
    string? Responsible,
    DateOnly StartDate,
    DateOnly EndDate,
    ActionStatus StoredStatus,
    ActionStatus Status,
    int Progress,
    decimal? ExpectedPoints,
    DateOnly? CompletedOn,
    int FindingId,
    int FindingNumber,
    int CategoryId,
    string CategoryName,
    string CategoryShortLabel,
    string ComponentName,
    int PlanId,
    string PlanCode,
    int PlanVersion,
    bool IsCurrentPlan,
    int CurrentPlanVersion,
    IReadOnlyList<EvidenceModel> Evidence,
    DateOnly Today)
{
    /// <summary>"No iniciada", "En curso", "Completada", "Cancelada" or "Vencida".</summary>
    public string StatusLabel => ActionStatusText.Label(Status);

    /// <summary>Open and ending within 30 days.</summary>
    public bool IsDueSoon => ActionStatusText.IsDueSoon(StoredStatus, EndDate, Today);

    public bool IsCompleted => StoredStatus == ActionStatus.Completada;
}

/// <summary>A finding a new action can go under: of a current plan version, not «NO APLICA».</summary>
/// <remarks>
/// <c>Number</c> is its position among its category's findings in the plan (1, 2…); <c>Summary</c> the first paragraph
/// of its improvements (or alternatives), to recognise it; <c>Actions</c> how many actions it has.
/// </remarks>
public sealed record FindingChoice(
    int FindingId,
    int CategoryId,
    string CategoryName,
    string ComponentName,
    int Number,
    decimal? RowScore,
    string Summary,
    DateRange? Deadline,
    int Actions,
    string PlanCode,
    int PlanVersion);

/// <summary>
/// The outcome of a change to an action: done (with the action as it is now), or a Spanish message saying why nothing
/// changed. On a conflict (someone saved the action after it was loaded) <see cref="Current"/> holds the current values.
/// </summary>
public sealed record ActionChangeResult(bool Succeeded, string? Error, ActionDetailModel? Current, bool IsConflict = false)
{
    public const string ConflictMessage =
        "Otra persona cambió esta acción después de que usted la abrió; no se guardó nada. Estos son los valores actuales: revíselos y vuelva a intentarlo.";

    public static ActionChangeResult Ok(ActionDetailModel current) => new(true, null, current);

    public static ActionChangeResult Fail(string error, ActionDetailModel? current = null) => new(false, error, current);

    public static ActionChangeResult Conflict(ActionDetailModel? current) => new(false, ConflictMessage, current, IsConflict: true);
}
