namespace GobiernoDigital.Core.Scoring;

/// <summary>
/// The peer group's averages (<em>grupo par</em>) of one vigencia, by category id, beside the entity's own scores.
/// Only the averages the editor recorded: FURAG publishes them, this app never computes them.
/// </summary>
public sealed class PeerComparison(IReadOnlyDictionary<int, decimal> averages)
{
    /// <summary>No peer average recorded.</summary>
    public static PeerComparison None { get; } = new(new Dictionary<int, decimal>());

    /// <summary>The averages by category id.</summary>
    public IReadOnlyDictionary<int, decimal> Averages { get; } = averages;

    /// <summary>True when at least one category has a peer average: only then do the pages show the comparison.</summary>
    public bool Any => Averages.Count > 0;

    /// <summary>The peer average of a category, or null when none was recorded.</summary>
    public decimal? AverageOf(int categoryId) => Averages.TryGetValue(categoryId, out var value) ? value : null;

    /// <summary>
    /// Puntaje − promedio del grupo par, in points (positive: above the peer group); null unless the category has a
    /// measured score and a peer average.
    /// </summary>
    public decimal? DifferenceOf(CategoryResult category) =>
        category.Score.Value is { } score && AverageOf(category.Category.CategoryId) is { } average ? score - average : null;
}
