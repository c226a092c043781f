using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// Projects the Porcentaje de Cumplimiento and each category to the plan's horizon: the pace needed to reach the meta
/// beside the pace observed between measured vigencias (<see cref="ProjectionCalculator"/>). Read-only.
/// </summary>
public sealed class ProjectionService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, PlanService plan)
{
    /// <summary>The horizon when no plan has dated findings: the end of the current plan's period, 2027.</summary>
    public const int DefaultHorizon = 2027;

    /// <summary>The projection on today's data; null when nothing has been measured.</summary>
    public async Task<ProjectionModel?> GetAsync(CancellationToken cancellationToken = default)
    {
        ScoringSnapshot snapshot;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        }

        if (snapshot.Measurements.Count == 0)
        {
            return null;
        }

        var deadline = await plan.GetDeadlineEndAsync(cancellationToken);
        var horizon = deadline?.Year ?? DefaultHorizon;
        var lastMeasurement = snapshot.Measurements[^1];
        var lastReport = snapshot.ReportFor(lastMeasurement);

        var overallPoints = snapshot.Measurements
            .Select(m => (m.Vigencia, snapshot.ReportFor(m).Percentage))
            .Where(p => p.Percentage is not null)
            .Select(p => new SeriesPoint(p.Vigencia, p.Percentage!.Value))
            .ToList();
        var overall = new ProjectionLine(null, "Porcentaje de Cumplimiento", null, ProjectionCalculator.Project(overallPoints, v => OverallTarget(snapshot, lastReport, v), horizon));

        var categories = new List<ProjectionLine>();
        var notApplicable = new List<string>();
        foreach (var category in snapshot.Categories.Where(c => c.AppliesTo(lastMeasurement.Vigencia)))
        {
            if (snapshot.ScoreOf(lastMeasurement, category).Status == ScoreStatus.NotApplicable)
            {
                notApplicable.Add(category.Name);
                continue;
            }

            var points = snapshot.Measurements
                .Where(m => category.AppliesTo(m.Vigencia))
                .Select(m => (m.Vigencia, Score: snapshot.ScoreOf(m, category)))
                .Where(p => p.Score.IsMeasured)
                .Select(p => new SeriesPoint(p.Vigencia, p.Score.Value!.Value))
                .ToList();
            var categoryId = category.Id;
            categories.Add(new ProjectionLine(category.Id, category.Name, category.Component.Name, ProjectionCalculator.Project(points, v => snapshot.TargetOf(categoryId, v), horizon)));
        }

        return new ProjectionModel(
            horizon,
            deadline,
            snapshot.Measurements.Select(m => m.Vigencia).ToList(),
            overall,
            categories,
            notApplicable)
        {
            States = snapshot.Measurements.ToDictionary(m => m.Vigencia, m => m.State),
        };
    }

    /// <summary>
    /// Σ wᵢ·metaᵢ ÷ Σ wᵢ over the categories measured in the last measured vigencia, each with its meta of
    /// <paramref name="vigencia"/>; the default meta when none was measured.
    /// </summary>
    private static decimal OverallTarget(ScoringSnapshot snapshot, VigenciaReport lastReport, int vigencia)
    {
        var measured = lastReport.Categories.Where(c => c.Score.IsMeasured).ToList();
        var weights = measured.Sum(c => c.Category.Weight);
        return weights == 0m ? Target.Default : measured.Sum(c => c.Category.Weight * snapshot.TargetOf(c.Category.CategoryId, vigencia)) / weights;
    }
}
