namespace GobiernoDigital.Core.Domain;

/// <summary>A finding (<em>hallazgo</em>): one row of the plan for a category, with its own score and texts.</summary>
/// <remarks>Texts are stored as plain paragraphs, never as HTML.</remarks>
public sealed class Finding
{
    private Finding()
    {
    }

    internal Finding(
        Category category,
        decimal? rowScore,
        IEnumerable<string> alternatives,
        IEnumerable<string> improvements,
        bool improvementsNotApplicable,
        DateRange? deadline,
        string? effectivenessNote,
        int displayOrder)
    {
        Category = category;
        RowScore = rowScore is { } s ? Score.Measured(s).Value : null;
        Alternatives = Paragraphs(alternatives);
        Improvements = Paragraphs(improvements);
        if (improvementsNotApplicable && Improvements.Count > 0)
        {
            throw new DomainException("Un hallazgo marcado «NO APLICA» no puede tener mejoras para implementar.");
        }

        ImprovementsNotApplicable = improvementsNotApplicable;
        DeadlineStart = deadline?.Start;
        DeadlineEnd = deadline?.End;
        EffectivenessNote = string.IsNullOrWhiteSpace(effectivenessNote) ? null : effectivenessNote.Trim();
        DisplayOrder = displayOrder;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int CategoryId { get; private set; }

    public Category Category { get; private set; } = null!;

    /// <summary>The score written on this row of the plan; null when the row has none.</summary>
    public decimal? RowScore { get; private set; }

    /// <summary><em>Diseño de alternativas de mejora</em>, one string per paragraph.</summary>
    public List<string> Alternatives { get; private set; } = [];

    /// <summary><em>Mejoras para implementar</em>, one string per paragraph.</summary>
    public List<string> Improvements { get; private set; } = [];

    /// <summary>The plan says «NO APLICA» in the improvements column: no action is planned (not a score of 0).</summary>
    public bool ImprovementsNotApplicable { get; private set; }

    public DateOnly? DeadlineStart { get; private set; }

    public DateOnly? DeadlineEnd { get; private set; }

    /// <summary>The text of the <em>Evaluación de la eficacia</em> column.</summary>
    public string? EffectivenessNote { get; private set; }

    public int DisplayOrder { get; private set; }

    public DateRange? Deadline => DeadlineStart is { } start && DeadlineEnd is { } end ? new DateRange(start, end) : null;

    private static List<string> Paragraphs(IEnumerable<string> texts) =>
        texts.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
}
