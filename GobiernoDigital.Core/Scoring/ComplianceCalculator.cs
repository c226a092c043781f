using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Scoring;

/// <summary>
/// The app's own, transparent indicator: the <em>Porcentaje de Cumplimiento de Gobierno Digital</em>.
/// It is not FURAG's official index (that one comes from an item-response model) and never claims to be.
/// </summary>
/// <remarks>
/// For a vigencia: P = Σ wᵢ·sᵢ / Σ wᵢ over the categories with a measured score; <em>No aplica</em> and
/// <em>Sin medición</em> are left out of both sums. Component means use the same rule inside the component.
/// Brecha = max(0, metaᵢ − sᵢ); points to gain = wᵢ·brechaᵢ / Σ wᵢ. Nothing is rounded here; the UI rounds
/// to one decimal, half away from zero.
/// </remarks>
public static class ComplianceCalculator
{
    /// <summary>Σ w·s / Σ w over the measured scores; null when none is measured (no division by zero).</summary>
    public static decimal? WeightedMean(IEnumerable<(decimal Weight, Score Score)> items)
    {
        decimal weighted = 0m, weights = 0m;
        foreach (var (weight, score) in items)
        {
            if (score.Value is { } value)
            {
                weighted += weight * value;
                weights += weight;
            }
        }

        return weights == 0m ? null : weighted / weights;
    }

    /// <summary>The Porcentaje de Cumplimiento of a set of categories.</summary>
    public static decimal? Percentage(IEnumerable<CategoryInput> categories) =>
        WeightedMean(categories.Select(c => (c.Weight, c.Score)));

    /// <summary>Brecha: meta − puntaje, never below 0; null when the score is not measured.</summary>
    public static decimal? Gap(Score score, decimal target) =>
        score.Value is { } value ? Math.Max(0m, target - value) : null;

    /// <summary>Change in points between two scores; null unless both are measured.</summary>
    public static decimal? Change(Score current, Score? previous) =>
        current.Value is { } now && previous?.Value is { } before ? now - before : null;

    /// <summary>Builds the whole report of a vigencia, comparing it with the previous measured vigencia when given.</summary>
    public static VigenciaReport Build(VigenciaInput current, VigenciaInput? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is not null && previous.Vigencia >= current.Vigencia)
        {
            throw new ArgumentException("The previous vigencia must come before the current one.", nameof(previous));
        }

        var previousScores = previous?.Categories.ToDictionary(c => c.CategoryId, c => c.Score) ?? [];
        var measuredWeight = current.Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Weight);

        var results = current.Categories
            .Select(c =>
            {
                var gap = Gap(c.Score, c.Target);
                var pointsToGain = gap is { } g && measuredWeight > 0 ? c.Weight * g / measuredWeight : (decimal?)null;
                Score? before = previousScores.TryGetValue(c.CategoryId, out var p) ? p : null;
                return new CategoryResult(c, gap, pointsToGain, before, Change(c.Score, before));
            })
            .ToList();

        var components = results
            .GroupBy(r => (r.Category.ComponentId, r.Category.ComponentName))
            .Select(g =>
            {
                var categories = g.ToList();
                var mean = WeightedMean(categories.Select(r => (r.Category.Weight, r.Score)));
                var previousMean = previous is null
                    ? null
                    : Percentage(previous.Categories.Where(c => c.ComponentId == g.Key.ComponentId));
                return new ComponentResult(
                    g.Key.ComponentId,
                    g.Key.ComponentName,
                    mean,
                    previousMean,
                    mean - previousMean,
                    Coverage.Of(categories.Select(r => r.Score)),
                    categories);
            })
            .ToList();

        var percentage = Percentage(current.Categories);
        var previousPercentage = previous is null ? null : Percentage(previous.Categories);

        return new VigenciaReport(
            current.Vigencia,
            percentage,
            Coverage.Of(current.Categories.Select(c => c.Score)),
            previous?.Vigencia,
            previousPercentage,
            percentage - previousPercentage,
            components,
            results)
        {
            Comparability = previous is null ? null : Compare(current, previous),
        };
    }

    /// <summary>
    /// Whether the two vigencias measured the same categories, and the change over the categories measured in both
    /// (each side with its own weights and scores). The one place the comparison of two vigencias is judged.
    /// </summary>
    public static Comparability Compare(VigenciaInput current, VigenciaInput previous)
    {
        var measuredNow = current.Categories.Where(c => c.Score.IsMeasured).Select(c => c.CategoryId).ToHashSet();
        var measuredBefore = previous.Categories.Where(c => c.Score.IsMeasured).Select(c => c.CategoryId).ToHashSet();
        var common = measuredNow.Intersect(measuredBefore).ToHashSet();
        var commonNow = Percentage(current.Categories.Where(c => common.Contains(c.CategoryId)));
        var commonBefore = Percentage(previous.Categories.Where(c => common.Contains(c.CategoryId)));
        return new Comparability(
            current.Vigencia,
            Coverage.Of(current.Categories.Select(c => c.Score)),
            previous.Vigencia,
            Coverage.Of(previous.Categories.Select(c => c.Score)),
            common.Count,
            commonNow - commonBefore,
            measuredNow.SetEquals(measuredBefore));
    }
}
