namespace GobiernoDigital.Core.Domain;

/// <summary>A finding (<em>hallazgo</em>): one row of the plan for a category, with its own score and texts.</summary>
/// <remarks>Texts are stored as plain paragraphs, never as HTML.</remarks>
public sealed class Finding
{
    private readonly List<ImprovementAction> _actions = [];

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

    /// <summary>The actions that carry out this finding's improvements; none when the plan says «NO APLICA».</summary>
    public IReadOnlyList<ImprovementAction> Actions => _actions;

    /// <summary>Adds an action under this finding.</summary>
    /// <exception cref="DomainException">The finding says «NO APLICA», or a value is invalid.</exception>
    public ImprovementAction AddAction(string description, string? responsible, DateRange dates, decimal? expectedPoints = null)
    {
        if (ImprovementsNotApplicable)
        {
            throw new DomainException("Este hallazgo dice «NO APLICA» en las mejoras: no lleva acciones.");
        }

        var action = new ImprovementAction(this, description, responsible, dates, expectedPoints, _actions.Count == 0 ? 1 : _actions.Max(a => a.DisplayOrder) + 1);
        _actions.Add(action);
        return action;
    }

    /// <summary>
    /// One action per improvement as a person reads the «mejoras para implementar» column (see
    /// <see cref="ImprovementReading.Actions"/>), with the finding's deadline, status No iniciada and no owner: what the
    /// seed's plan says, nothing invented. Findings without a deadline or marked «NO APLICA» get none.
    /// </summary>
    public void AddActionsFromImprovements()
    {
        if (Deadline is not { } deadline || ImprovementsNotApplicable)
        {
            return;
        }

        foreach (var text in ImprovementReading.Actions(Improvements))
        {
            AddAction(text, responsible: null, deadline);
        }
    }

    /// <summary>A copy for a re-issued plan, with its actions and their follow-up.</summary>
    internal Finding CopyFor(int displayOrder)
    {
        var copy = new Finding(Category, RowScore, Alternatives, Improvements, ImprovementsNotApplicable, Deadline, EffectivenessNote, displayOrder);
        foreach (var action in _actions.OrderBy(a => a.DisplayOrder))
        {
            copy._actions.Add(action.CopyFor(copy));
        }

        return copy;
    }

    public DateRange? Deadline => DeadlineStart is { } start && DeadlineEnd is { } end ? new DateRange(start, end) : null;

    private static List<string> Paragraphs(IEnumerable<string> texts) =>
        texts.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
}
