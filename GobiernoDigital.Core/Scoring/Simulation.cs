using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Scoring;

/// <summary>One category's effect in the simulator: how much the figure moves per point it is raised.</summary>
/// <param name="Category">The category as measured.</param>
/// <param name="GainPerPoint">w ÷ Σw: points of the Porcentaje de Cumplimiento per point of the category's score (its weight's share).</param>
/// <param name="Gap">Meta − puntaje (never below 0); the most it can be raised in the suggestion.</param>
public sealed record SimulationLever(CategoryInput Category, decimal GainPerPoint, decimal Gap);

/// <summary>One step of the suggestion: raise a category from a score to another.</summary>
public sealed record SuggestedRaise(CategoryInput Category, decimal From, decimal To)
{
    /// <summary>Points of the category's score raised.</summary>
    public decimal Points => To - From;
}

/// <summary>The "reach X % with the fewest points" suggestion.</summary>
/// <param name="Target">The figure asked for (0–100).</param>
/// <param name="Reachable">False when not even every measured category at its meta reaches it.</param>
/// <param name="Raises">The categories to raise, in the order chosen.</param>
/// <param name="ResultingPercentage">The figure with those raises.</param>
/// <param name="MaximumPercentage">The figure with every measured category at its meta.</param>
public sealed record Suggestion(decimal Target, bool Reachable, IReadOnlyList<SuggestedRaise> Raises, decimal? ResultingPercentage, decimal? MaximumPercentage)
{
    /// <summary>Σ of the points raised.</summary>
    public decimal TotalPoints => Raises.Sum(r => r.Points);
}

/// <summary>
/// The what-if simulator's maths. Pure functions over a vigencia's input; nothing here is saved or read from the database.
/// </summary>
/// <remarks>
/// Raising a measured category by Δ raises the figure by wᵢ·Δ ÷ Σw (Σw of the measured categories). <em>No aplica</em>
/// categories cannot be simulated. A <em>Sin medición</em> category given a score joins the figure (and Σw).
/// </remarks>
public static class SimulationCalculator
{
    /// <summary>The vigencia with the simulated scores in place of the measured ones (0–100 each).</summary>
    /// <exception cref="DomainException">A simulated score is outside 0–100, or a category does not apply / is No aplica.</exception>
    public static VigenciaInput Apply(VigenciaInput measured, IReadOnlyDictionary<int, decimal> simulated)
    {
        var byId = measured.Categories.ToDictionary(c => c.CategoryId);
        foreach (var (categoryId, _) in simulated)
        {
            if (!byId.TryGetValue(categoryId, out var category))
            {
                throw new DomainException("La categoría simulada no aplica a la vigencia.");
            }

            if (category.Score.Status == ScoreStatus.NotApplicable)
            {
                throw new DomainException($"«{category.Name}» no aplica: no se puede simular.");
            }
        }

        return measured with
        {
            Categories = measured.Categories
                .Select(c => simulated.TryGetValue(c.CategoryId, out var value) ? c with { Score = Score.Measured(decimal.Round(value, 1)) } : c)
                .ToList(),
        };
    }

    /// <summary>Every category that can be simulated (not No aplica), most figure points per score point first, then the largest gap.</summary>
    public static IReadOnlyList<SimulationLever> Levers(VigenciaInput measured)
    {
        var weightSum = measured.Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Weight);
        return measured.Categories
            .Where(c => c.Score.Status != ScoreStatus.NotApplicable)
            .Select(c => new SimulationLever(
                c,
                weightSum > 0 && c.Score.IsMeasured ? c.Weight / weightSum : 0m,
                ComplianceCalculator.Gap(c.Score, c.Target) ?? 0m))
            .OrderByDescending(l => l.GainPerPoint).ThenByDescending(l => l.Gap)
            .ToList();
    }

    /// <summary>
    /// Greedy: raise the measured categories with the largest weight first (each point is worth w ÷ Σw of the figure),
    /// the largest gap first among equal weights (fewer categories to work on), each at most up to its meta, until the
    /// figure reaches <paramref name="target"/>. Since every point of a category is worth the same, taking the
    /// largest weights first gives the fewest points.
    /// </summary>
    public static Suggestion Suggest(VigenciaInput measured, decimal target)
    {
        if (target is < 0m or > 100m)
        {
            throw new DomainException("La cifra buscada debe estar entre 0 y 100.");
        }

        var weightSum = measured.Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Weight);
        if (weightSum == 0m)
        {
            return new Suggestion(target, false, [], null, null);
        }

        var weighted = measured.Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Weight * c.Score.Value!.Value);
        var maximum = (weighted + measured.Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Weight * (ComplianceCalculator.Gap(c.Score, c.Target) ?? 0m))) / weightSum;
        var needed = (target * weightSum) - weighted; // Σ w·Δ still missing
        var raises = new List<SuggestedRaise>();
        foreach (var lever in Levers(measured).Where(l => l.Category.Score.IsMeasured && l.Gap > 0))
        {
            if (needed <= 0m)
            {
                break;
            }

            var from = lever.Category.Score.Value!.Value;

            // Scores keep one decimal: round the raise up so the target is reached, never past the meta.
            var points = Math.Min(lever.Gap, Math.Ceiling(needed / lever.Category.Weight * 10m) / 10m);
            raises.Add(new SuggestedRaise(lever.Category, from, from + points));
            needed -= lever.Category.Weight * points;
        }

        var reachable = needed <= 0m;
        var resulting = (weighted + raises.Sum(r => r.Category.Weight * r.Points)) / weightSum;
        return new Suggestion(target, reachable, raises, resulting, maximum);
    }
}
