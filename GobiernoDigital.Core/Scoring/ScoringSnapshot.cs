using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Scoring;

/// <summary>
/// The catalog, every measurement, every meta and every peer-group average, read once (no tracking), and the
/// calculation's input for any vigencia. The overview, the category page and the exports all compute from it, so they
/// show the same figures.
/// </summary>
/// <remarks>Saved simulator scenarios are never read here: nothing computed from a snapshot can include them.</remarks>
public sealed class ScoringSnapshot
{
    private readonly Dictionary<int, Dictionary<int, Score>> _scoresByMeasurement;
    private readonly IReadOnlyDictionary<(int CategoryId, int Vigencia), decimal> _targets;
    private readonly IReadOnlyDictionary<(int CategoryId, int Vigencia), decimal> _peerAverages;

    public ScoringSnapshot(
        IReadOnlyList<Category> categories,
        IReadOnlyList<Measurement> measurements,
        IReadOnlyDictionary<(int CategoryId, int Vigencia), decimal> targets,
        IReadOnlyDictionary<(int CategoryId, int Vigencia), decimal>? peerAverages = null)
    {
        Categories = categories;
        Measurements = measurements;
        _targets = targets;
        _peerAverages = peerAverages ?? new Dictionary<(int, int), decimal>();
        _scoresByMeasurement = measurements.ToDictionary(m => m.Id, m => m.Scores.ToDictionary(s => s.CategoryId, s => s.Score));
    }

    /// <summary>Every category, ordered by component and then by its own order.</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>Every measurement with its scores, oldest vigencia first.</summary>
    public IReadOnlyList<Measurement> Measurements { get; }

    /// <summary>Reads everything the calculation needs in four queries.</summary>
    public static async Task<ScoringSnapshot> LoadAsync(GobiernoDigitalDbContext db, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking()
            .Include(c => c.Component)
            .OrderBy(c => c.Component.DisplayOrder).ThenBy(c => c.DisplayOrder).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var measurements = await db.Measurements.AsNoTracking()
            .Include(m => m.Scores)
            .OrderBy(m => m.Vigencia)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        var peers = await db.PeerAverages.AsNoTracking().ToListAsync(cancellationToken);
        return new ScoringSnapshot(
            categories,
            measurements,
            targets.ToDictionary(t => (t.CategoryId, t.Vigencia), t => t.Value),
            peers.ToDictionary(p => (p.CategoryId, p.Vigencia), p => p.Value));
    }

    /// <summary>The meta of a category in a vigencia: the one set, or <see cref="Target.Default"/>.</summary>
    public decimal TargetOf(int categoryId, int vigencia) => TargetSetFor(categoryId, vigencia) ?? Target.Default;

    /// <summary>The meta set for a category in a vigencia, or null when none was set (the meta is then <see cref="Target.Default"/>).</summary>
    /// <remarks>A meta may be set before its vigencia is measured.</remarks>
    public decimal? TargetSetFor(int categoryId, int vigencia) =>
        _targets.TryGetValue((categoryId, vigencia), out var value) ? value : null;

    /// <summary>True when a meta was set for the category in the vigencia (otherwise it is <see cref="Target.Default"/>).</summary>
    public bool HasTarget(int categoryId, int vigencia) => _targets.ContainsKey((categoryId, vigencia));

    /// <summary>The peer group's average (<em>grupo par</em>) of a category in a vigencia, or null when none was recorded.</summary>
    public decimal? PeerAverageOf(int categoryId, int vigencia) =>
        _peerAverages.TryGetValue((categoryId, vigencia), out var value) ? value : null;

    /// <summary>The peer averages of the categories that apply to <paramref name="vigencia"/>.</summary>
    public PeerComparison PeerComparisonFor(int vigencia) => new(Categories
        .Where(c => c.AppliesTo(vigencia) && _peerAverages.ContainsKey((c.Id, vigencia)))
        .ToDictionary(c => c.Id, c => _peerAverages[(c.Id, vigencia)]));

    /// <summary>A category that applies to the vigencia but has no score recorded counts as <em>Sin medición</em>.</summary>
    public Score ScoreOf(Measurement measurement, Category category) =>
        _scoresByMeasurement[measurement.Id].GetValueOrDefault(category.Id, Score.NotMeasured);

    /// <summary>The calculation's input for a measurement: the categories that apply to its vigencia, in order.</summary>
    public VigenciaInput InputFor(Measurement measurement) => new(
        measurement.Vigencia,
        Categories
            .Where(c => c.AppliesTo(measurement.Vigencia))
            .Select(c => new CategoryInput(
                c.Id, c.Name, c.ShortLabel, c.Kind, c.ComponentId, c.Component.Name, c.Weight,
                ScoreOf(measurement, c), TargetOf(c.Id, measurement.Vigencia)))
            .ToList());

    /// <summary>The report of a measurement, against the previous measured vigencia when there is one.</summary>
    public VigenciaReport ReportFor(Measurement measurement)
    {
        var previous = Measurements.LastOrDefault(m => m.Vigencia < measurement.Vigencia);
        return ComplianceCalculator.Build(InputFor(measurement), previous is null ? null : InputFor(previous));
    }
}
