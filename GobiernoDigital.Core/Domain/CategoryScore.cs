namespace GobiernoDigital.Core.Domain;

/// <summary>The score of one category in one measurement.</summary>
public sealed class CategoryScore
{
    private CategoryScore()
    {
    }

    internal CategoryScore(Category category, Score score, string? observation)
    {
        Category = category;
        Update(score, observation);
    }

    public int Id { get; private set; }

    public int MeasurementId { get; private set; }

    public int CategoryId { get; private set; }

    public Category Category { get; private set; } = null!;

    /// <summary>Stored part of <see cref="Score"/>.</summary>
    public ScoreStatus Status { get; private set; }

    /// <summary>Stored part of <see cref="Score"/>: the value when measured.</summary>
    public decimal? Value { get; private set; }

    /// <summary>Optional note of the advisor about this score.</summary>
    public string? Observation { get; private set; }

    public Score Score => Score.From(Status, Value);

    internal void Update(Score score, string? observation)
    {
        Status = score.Status;
        Value = score.Value;
        Observation = string.IsNullOrWhiteSpace(observation) ? null : observation.Trim();
    }
}
