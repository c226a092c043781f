using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Reads the catalog, measurements and plan, and turns them into the figures the pages show.</summary>
/// <remarks>
/// One DbContext per call; every query is read-only (<c>AsNoTracking</c>). Results are computed once per data
/// version and shared through <see cref="ComplianceCache"/> until any data changes, so a page, its interactive
/// render and every other reader reuse them instead of querying again.
/// </remarks>
public sealed class ComplianceService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, ComplianceCache cache)
{
    /// <summary>A service with a cache of its own (tests and tools; the app shares the singleton one).</summary>
    public ComplianceService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory)
        : this(dbFactory, new ComplianceCache(dbFactory))
    {
    }

    /// <summary>The entity the dashboard belongs to, or null on an empty database.</summary>
    public Task<EntityInfo?> GetEntityAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync(nameof(GetEntityAsync), LoadEntityAsync, cancellationToken);

    /// <summary>
    /// The overview of <paramref name="vigencia"/>, or of the latest measured vigencia when null.
    /// Null when that vigencia has no measurement (or there is none at all).
    /// </summary>
    public Task<OverviewModel?> GetOverviewAsync(int? vigencia, CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync((nameof(GetOverviewAsync), vigencia), ct => BuildOverviewAsync(vigencia, ct), cancellationToken);

    /// <summary>A category with its score history, its meta and gap in the latest vigencia, and the plan's findings. Null when the id is unknown.</summary>
    public Task<CategoryDetailModel?> GetCategoryAsync(int categoryId, CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync((nameof(GetCategoryAsync), categoryId), ct => BuildCategoryAsync(categoryId, ct), cancellationToken);

    private async Task<EntityInfo?> LoadEntityAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Entities.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new EntityInfo(e.Name, e.Nit))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<OverviewModel?> BuildOverviewAsync(int? vigencia, CancellationToken cancellationToken)
    {
        var data = await LoadAsync(cancellationToken);
        if (data.Measurements.Count == 0)
        {
            return null;
        }

        var measurement = vigencia is { } v
            ? data.Measurements.FirstOrDefault(m => m.Vigencia == v)
            : data.Measurements[^1];
        if (measurement is null)
        {
            return null;
        }

        var report = data.ReportFor(measurement);

        return new OverviewModel(
            data.Measurements.Select(m => m.Vigencia).OrderDescending().ToList(),
            new MeasurementInfo(measurement.Vigencia, measurement.Date, measurement.Source, measurement.OfficialIndex, measurement.State),
            report)
        {
            Peers = data.PeerComparisonFor(measurement.Vigencia),
        };
    }

    private async Task<CategoryDetailModel?> BuildCategoryAsync(int categoryId, CancellationToken cancellationToken)
    {
        var data = await LoadAsync(cancellationToken);
        var category = data.Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            return null;
        }

        var history = data.Measurements
            .Where(m => category.AppliesTo(m.Vigencia))
            .Select(m =>
            {
                var score = data.ScoreOf(m, category);
                var target = data.TargetOf(category.Id, m.Vigencia);
                return new CategoryHistoryPoint(m.Vigencia, score, target, ComplianceCalculator.Gap(score, target))
                {
                    PeerAverage = data.PeerAverageOf(category.Id, m.Vigencia),
                };
            })
            .ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.CategoryId == categoryId)
            .Join(db.Plans, f => f.PlanId, p => p.Id, (f, p) => new
            {
                Plan = new PlanInfo(p.Code, p.Version, p.Title, p.ApprovedOn, p.MeasuredVigencia),
                Finding = f,
            })
            .ToListAsync(cancellationToken);

        // A re-issued plan copies its findings: show only each plan's current version (earlier ones stay on /plan?version=N).
        var currentVersions = await db.Plans.AsNoTracking()
            .GroupBy(p => p.Code)
            .Select(g => new { Code = g.Key, Version = g.Max(p => p.Version) })
            .ToDictionaryAsync(x => x.Code, x => x.Version, cancellationToken);
        findings = findings.Where(x => currentVersions.GetValueOrDefault(x.Plan.Code) == x.Plan.Version).ToList();

        return new CategoryDetailModel(
            category.Id,
            category.Name,
            category.ShortLabel,
            category.Kind,
            category.Component.Name,
            category.Weight,
            category.NameInPlan,
            history,
            findings
                .OrderByDescending(x => x.Plan.ApprovedOn).ThenByDescending(x => x.Plan.Version).ThenBy(x => x.Finding.DisplayOrder)
                .Select(x => new FindingModel(
                    x.Plan,
                    x.Finding.RowScore,
                    x.Finding.Alternatives,
                    x.Finding.Improvements,
                    x.Finding.ImprovementsNotApplicable,
                    x.Finding.Deadline,
                    x.Finding.EffectivenessNote))
                .ToList());
    }

    /// <summary>The catalog, measurements and metas, read once per data version.</summary>
    private Task<ScoringSnapshot> LoadAsync(CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(nameof(ScoringSnapshot), async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await ScoringSnapshot.LoadAsync(db, ct);
        }, cancellationToken);
}
