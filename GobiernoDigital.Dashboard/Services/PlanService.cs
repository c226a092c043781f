using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// Reads the improvement plan: a version's header, findings and actions with their status on today's date in Colombia,
/// the counters of the plan page, a category's actions, and the <em>evaluación de la eficacia</em>.
/// </summary>
/// <remarks>
/// Read-only (<c>AsNoTracking</c>), one DbContext per call. "The plan" is the code of the latest approved plan; its
/// current version is the highest one. The actions' editing lives in another service.
/// </remarks>
public sealed class PlanService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Today in Colombia, by the injected clock: the date that decides which actions are late.</summary>
    public DateOnly Today => ActionStatusText.Today(clock);

    /// <summary>The current version of the plan, or <paramref name="version"/>; null when there is no plan or no such version.</summary>
    public async Task<PlanModel?> GetPlanAsync(int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await FindPlanAsync(db, version, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var today = Today;
        var findings = await LoadFindingsAsync(db, header.Id, today, cancellationToken);
        var actions = findings.SelectMany(f => f.Actions).ToList();
        return new PlanModel(header, today, findings, PlanCounters.Of(actions));
    }

    /// <summary>The actions of the current plan for a category, in the plan's order; empty when there is no plan or none.</summary>
    public async Task<IReadOnlyList<PlanActionModel>> GetCategoryActionsAsync(int categoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await FindPlanAsync(db, version: null, cancellationToken);
        if (header is null)
        {
            return [];
        }

        var findings = await LoadFindingsAsync(db, header.Id, Today, cancellationToken, categoryId);
        return findings.SelectMany(f => f.Actions).ToList();
    }

    /// <summary>
    /// The plan's horizon: the latest end date of the current plan's findings' deadlines (31/12/2027 in TI.PL03);
    /// null when there is no plan or none of its findings has a deadline.
    /// </summary>
    public async Task<DateOnly?> GetDeadlineEndAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await FindPlanAsync(db, version: null, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var ends = await db.Findings.AsNoTracking()
            .Where(f => f.PlanId == header.Id && f.DeadlineEnd != null)
            .Select(f => f.DeadlineEnd!.Value)
            .ToListAsync(cancellationToken);
        return ends.Count == 0 ? null : ends.Max();
    }

    /// <summary>
    /// The evaluation of the plan's actions between vigencias A and B, for every category the plan has findings for.
    /// </summary>
    /// <param name="fromVigencia">A; the plan's measured vigencia when null.</param>
    /// <param name="toVigencia">B; the next measured vigencia after A when null (none: every verdict is «sin datos»).</param>
    /// <param name="version">The plan's version whose actions count; the current one when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Null when there is no plan (or no such version).</returns>
    public async Task<PlanEffectivenessModel?> GetEffectivenessAsync(
        int? fromVigencia,
        int? toVigencia,
        int? version = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await FindPlanAsync(db, version, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var measured = snapshot.Measurements.Select(m => m.Vigencia).ToList();
        var from = fromVigencia ?? header.MeasuredVigencia;
        var to = toVigencia ?? measured.Where(v => v > from).Cast<int?>().FirstOrDefault();
        if (to <= from)
        {
            return new PlanEffectivenessModel(measured, from, to, [], null, null, null, null,
                $"La vigencia B ({to}) debe ser posterior a la vigencia A ({from}).");
        }

        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Finding.PlanId == header.Id)
            .Select(a => new { a.Finding.CategoryId, a.Status, a.CompletedOn, a.ExpectedPoints })
            .ToListAsync(cancellationToken);
        var planCategoryIds = await db.Findings.AsNoTracking()
            .Where(f => f.PlanId == header.Id)
            .Select(f => f.CategoryId)
            .Distinct()
            .ToListAsync(cancellationToken);

        // Without a measurement after A, the calculator is asked about the year after A, which has none: «sin datos».
        var judgedBy = to ?? from + 1;
        var measurementA = snapshot.Measurements.FirstOrDefault(m => m.Vigencia == from);
        var measurementB = snapshot.Measurements.FirstOrDefault(m => m.Vigencia == judgedBy);
        var reportA = measurementA is null ? null : snapshot.ReportFor(measurementA);
        var reportB = measurementB is null ? null : snapshot.ReportFor(measurementB);
        var weightSum = reportB?.WeightSum ?? reportA?.WeightSum ?? 0m;

        var categories = snapshot.Categories
            .Where(c => planCategoryIds.Contains(c.Id))
            .Select(category =>
            {
                var counted = actions
                    .Where(a => a.CategoryId == category.Id && a.ExpectedPoints is not null &&
                                EffectivenessCalculator.Counts(a.Status, a.CompletedOn, from, judgedBy))
                    .ToList();
                var input = new EffectivenessInput(
                    from,
                    judgedBy,
                    ScoreIn(snapshot, measurementA, category) ?? Score.NotMeasured,
                    ScoreIn(snapshot, measurementB, category),
                    category.Weight,
                    weightSum,
                    counted.Sum(a => a.ExpectedPoints!.Value),
                    counted.Count);
                return new CategoryEffectiveness(category.Id, category.Name, category.Component.Name, EffectivenessCalculator.Evaluate(input));
            })
            .ToList();

        var effects = categories.Select(c => c.Result.EffectOnPercentage).OfType<decimal>().ToList();
        var fromPercentage = reportA?.Percentage;
        var toPercentage = reportB?.Percentage;
        return new PlanEffectivenessModel(
            measured,
            from,
            to,
            categories,
            effects.Count > 0 ? effects.Sum() : null,
            fromPercentage,
            toPercentage,
            fromPercentage is { } a && toPercentage is { } b ? b - a : null,
            Problem: null);
    }

    /// <summary>The category's score in a measurement: «no aplica» when the category does not apply to that vigencia; null without a measurement.</summary>
    private static Score? ScoreIn(ScoringSnapshot snapshot, Measurement? measurement, Category category) =>
        measurement is null ? null
        : category.AppliesTo(measurement.Vigencia) ? snapshot.ScoreOf(measurement, category)
        : Score.NotApplicable;

    private static async Task<PlanHeader?> FindPlanAsync(GobiernoDigitalDbContext db, int? version, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking().ToListAsync(cancellationToken);
        var latest = plans.OrderByDescending(p => p.ApprovedOn).ThenByDescending(p => p.Version).ThenByDescending(p => p.Id).FirstOrDefault();
        if (latest is null)
        {
            return null;
        }

        var versions = plans.Where(p => p.Code == latest.Code).OrderBy(p => p.Version).ToList();
        var current = versions[^1];
        var plan = version is { } v ? versions.FirstOrDefault(p => p.Version == v) : current;
        return plan is null
            ? null
            : new PlanHeader(
                plan.Id,
                plan.Title,
                plan.Code,
                plan.Version,
                plan.ApprovedOn,
                plan.ApprovalAct,
                plan.ApprovedBy,
                plan.PreparedBy,
                plan.PreparedByRole,
                plan.PreparedOn,
                plan.MeasuredVigencia,
                plan.Id == current.Id,
                versions.Select(p => new PlanVersionInfo(p.Version, p.ApprovedOn, p.ApprovalAct)).ToList());
    }

    private static async Task<List<PlanFindingModel>> LoadFindingsAsync(
        GobiernoDigitalDbContext db,
        int planId,
        DateOnly today,
        CancellationToken cancellationToken,
        int? categoryId = null)
    {
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.PlanId == planId && (categoryId == null || f.CategoryId == categoryId))
            .Select(f => new
            {
                f.Id,
                f.DisplayOrder,
                f.CategoryId,
                CategoryName = f.Category.Name,
                f.Category.ShortLabel,
                f.Category.ComponentId,
                ComponentName = f.Category.Component.Name,
                f.RowScore,
                f.ImprovementsNotApplicable,
            })
            .ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Finding.PlanId == planId && (categoryId == null || a.Finding.CategoryId == categoryId))
            .Select(a => new
            {
                a.Id,
                a.FindingId,
                a.Description,
                a.Responsible,
                a.StartDate,
                a.EndDate,
                a.Status,
                a.Progress,
                a.ExpectedPoints,
                a.CompletedOn,
                a.DisplayOrder,
                EvidenceCount = a.Evidence.Count,
            })
            .ToListAsync(cancellationToken);
        var actionsByFinding = actions.ToLookup(a => a.FindingId);

        return findings
            .OrderBy(f => f.DisplayOrder).ThenBy(f => f.Id)
            .Select(f => new PlanFindingModel(
                f.Id,
                f.DisplayOrder,
                f.CategoryId,
                f.CategoryName,
                f.ShortLabel,
                f.ComponentId,
                f.ComponentName,
                f.RowScore,
                f.ImprovementsNotApplicable,
                actionsByFinding[f.Id]
                    .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Id)
                    .Select(a => new PlanActionModel(
                        a.Id,
                        f.Id,
                        f.CategoryId,
                        f.CategoryName,
                        f.ShortLabel,
                        f.ComponentId,
                        f.ComponentName,
                        a.Description,
                        a.Responsible,
                        a.StartDate,
                        a.EndDate,
                        a.Status,
                        ImprovementAction.IsLate(a.Status, a.EndDate, today) ? ActionStatus.Vencida : a.Status,
                        a.Progress,
                        a.ExpectedPoints,
                        a.CompletedOn,
                        a.EvidenceCount,
                        ActionStatusText.IsDueSoon(a.Status, a.EndDate, today)))
                    .ToList()))
            .ToList();
    }
}
