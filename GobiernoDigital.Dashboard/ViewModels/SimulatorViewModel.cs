using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.ViewModels;

/// <summary>One category the simulator can move: its measured score, the simulated one and the text of its number box.</summary>
public sealed class SimulatorRow
{
    internal SimulatorRow(CategoryInput category)
    {
        Category = category;
        Value = category.Score.Value;
        Text = Value is { } v ? EsCo.Number(v) : null;
    }

    /// <summary>The category as measured.</summary>
    public CategoryInput Category { get; }

    /// <summary>The measured score (a number, or Sin medición).</summary>
    public Score Measured => Category.Score;

    /// <summary>True for a <em>Sin medición</em> category: it starts empty and joins the figure only once given a value.</summary>
    public bool StartsEmpty => !Measured.IsMeasured;

    /// <summary>The simulated score (0–100, one decimal); null for a Sin medición category not given a value.</summary>
    public decimal? Value { get; internal set; }

    /// <summary>The number box's text as typed ("45,5" or "45.5").</summary>
    public string? Text { get; internal set; }

    /// <summary>The Spanish message when <see cref="Text"/> is not a valid score; the simulation keeps the last valid value.</summary>
    public string? Error { get; internal set; }

    /// <summary>Points of the simulated figure per point of this category (w ÷ Σw of the simulated categories); null while it does not count.</summary>
    public decimal? GainPerPoint { get; internal set; }

    /// <summary>Simulated − measured, in points; null unless both are numbers.</summary>
    public decimal? Difference => Value is { } v && Measured.Value is { } m ? v - m : null;

    /// <summary>The simulated score differs from the measurement (a Sin medición category given a value counts).</summary>
    public bool Changed => Value != Measured.Value;

    /// <summary>Where the slider sits: the simulated score, or 0 while empty.</summary>
    public decimal SliderValue => Value ?? 0m;
}

/// <summary>A component's mean as measured and as simulated.</summary>
public sealed record SimulatedComponent(int ComponentId, string Name, decimal? Measured, decimal? Simulated)
{
    /// <summary>Simulated − measured, in points; null unless both exist.</summary>
    public decimal? Difference => Simulated - Measured;
}

/// <summary>
/// The state of the what-if simulator: a measured vigencia, the simulated score of each category that can be moved, and
/// the figures recomputed with the pure <see cref="SimulationCalculator"/> and <see cref="ComplianceCalculator"/> on every
/// change (no database call while a slider moves).
/// </summary>
/// <remarks>
/// <em>No aplica</em> categories have no row (<see cref="NotApplicable"/> lists them). A <em>Sin medición</em> category
/// starts empty; given a value it joins the Porcentaje de Cumplimiento and Σw. Scores keep one decimal.
/// </remarks>
public sealed class SimulatorViewModel
{
    private static readonly SimulatedScoreValidator Validator = new();
    private readonly Dictionary<int, SimulatorRow> _rowsById;

    public SimulatorViewModel(VigenciaInput measured, IReadOnlyDictionary<int, decimal>? values = null)
    {
        Measured = measured;
        MeasuredReport = ComplianceCalculator.Build(measured);
        Rows = SimulationCalculator.Levers(measured).Select(l => new SimulatorRow(l.Category)).ToList();
        _rowsById = Rows.ToDictionary(r => r.Category.CategoryId);
        NotApplicable = measured.Categories.Where(c => c.Score.Status == ScoreStatus.NotApplicable).ToList();
        SimulatedReport = MeasuredReport;
        Load(values ?? new Dictionary<int, decimal>());
    }

    /// <summary>The measured vigencia.</summary>
    public VigenciaInput Measured { get; }

    /// <summary>The figures as measured.</summary>
    public VigenciaReport MeasuredReport { get; }

    /// <summary>The figures with the simulated scores.</summary>
    public VigenciaReport SimulatedReport { get; private set; }

    /// <summary>The vigencia with the simulated scores in place of the measured ones.</summary>
    public VigenciaInput SimulatedInput { get; private set; } = null!;

    /// <summary>The categories that can be simulated, most figure points per score point first, then the largest gap.</summary>
    public IReadOnlyList<SimulatorRow> Rows { get; }

    /// <summary>The <em>No aplica</em> categories: no slider, not simulated.</summary>
    public IReadOnlyList<CategoryInput> NotApplicable { get; }

    /// <summary>Simulated − measured Porcentaje de Cumplimiento, in points; null when either has no figure.</summary>
    public decimal? Difference => SimulatedReport.Percentage - MeasuredReport.Percentage;

    /// <summary>Each component's mean, measured and simulated, in the catalog's order.</summary>
    public IReadOnlyList<SimulatedComponent> Components => MeasuredReport.Components
        .Select(m => new SimulatedComponent(m.ComponentId, m.Name, m.Mean, SimulatedReport.Components.FirstOrDefault(s => s.ComponentId == m.ComponentId)?.Mean))
        .ToList();

    /// <summary>The simulated scores that differ from the measurement: what a saved scenario keeps.</summary>
    public IReadOnlyDictionary<int, decimal> Changes => Rows
        .Where(r => r.Changed && r.Value is not null)
        .ToDictionary(r => r.Category.CategoryId, r => r.Value!.Value);

    /// <summary>Sin medición categories given a value: they count in the simulated figure but not in the measured one.</summary>
    public IReadOnlyList<SimulatorRow> Added => Rows.Where(r => r.StartsEmpty && r.Value is not null).ToList();

    /// <summary>The row of a category; null when it cannot be simulated.</summary>
    public SimulatorRow? Row(int categoryId) => _rowsById.GetValueOrDefault(categoryId);

    /// <summary>Sets a simulated score from the slider: kept within 0–100 and rounded to one decimal.</summary>
    public void SetValue(int categoryId, decimal value)
    {
        if (Row(categoryId) is not { } row)
        {
            return;
        }

        row.Value = decimal.Round(Math.Clamp(value, Score.Min, Score.Max), 1, MidpointRounding.AwayFromZero);
        row.Text = EsCo.Number(row.Value.Value);
        row.Error = null;
        Recompute();
    }

    /// <summary>
    /// Sets a simulated score from the number box. A valid score (comma or point, 0–100, one decimal) moves the
    /// figure; an empty box empties a Sin medición category; anything else leaves the value as it was and says why.
    /// </summary>
    public void SetText(int categoryId, string? text)
    {
        if (Row(categoryId) is not { } row)
        {
            return;
        }

        row.Text = text;
        var result = Validator.Validate(row);
        row.Error = result.IsValid ? null : result.Errors[0].ErrorMessage;
        if (row.Error is not null)
        {
            return;
        }

        row.Value = NumberText.Parse(text);
        Recompute();
    }

    /// <summary>Empties a Sin medición category again: it leaves the simulated figure.</summary>
    public void Clear(int categoryId)
    {
        if (Row(categoryId) is { StartsEmpty: true } row)
        {
            row.Value = null;
            row.Text = null;
            row.Error = null;
            Recompute();
        }
    }

    /// <summary>Every category back to its measured score.</summary>
    public void Reset() => Load(new Dictionary<int, decimal>());

    /// <summary>The measured scores with <paramref name="values"/> on top (a saved scenario); ids that cannot be simulated are skipped.</summary>
    public void Load(IReadOnlyDictionary<int, decimal> values)
    {
        foreach (var row in Rows)
        {
            row.Value = values.TryGetValue(row.Category.CategoryId, out var v)
                ? decimal.Round(Math.Clamp(v, Score.Min, Score.Max), 1, MidpointRounding.AwayFromZero)
                : row.Measured.Value;
            row.Text = row.Value is { } value ? EsCo.Number(value) : null;
            row.Error = null;
        }

        Recompute();
    }

    /// <summary>The fewest points that take the simulated figure to <paramref name="target"/>, starting from the sliders as they are.</summary>
    public Suggestion Suggest(decimal target) => SimulationCalculator.Suggest(SimulatedInput, target);

    /// <summary>Moves the sliders to the suggestion's scores.</summary>
    public void Apply(Suggestion suggestion)
    {
        foreach (var raise in suggestion.Raises)
        {
            if (Row(raise.Category.CategoryId) is { } row)
            {
                row.Value = raise.To;
                row.Text = EsCo.Number(raise.To);
                row.Error = null;
            }
        }

        Recompute();
    }

    /// <summary>
    /// Points of the figure per point of a category with one decimal, as every figure of the app ("0,1" for 1/16); a gain
    /// that rounds to zero reads "&lt; 0,1", since the category still moves the figure.
    /// </summary>
    public static string GainText(decimal gain) => gain is > 0m and < 0.05m ? "< 0,1" : EsCo.Number(gain);

    private void Recompute()
    {
        var simulated = Rows.Where(r => r.Value is not null && r.Changed).ToDictionary(r => r.Category.CategoryId, r => r.Value!.Value);
        SimulatedInput = SimulationCalculator.Apply(Measured, simulated);
        SimulatedReport = ComplianceCalculator.Build(SimulatedInput);
        var weightSum = SimulatedReport.WeightSum;
        foreach (var row in Rows)
        {
            row.GainPerPoint = row.Value is not null && weightSum > 0 ? row.Category.Weight / weightSum : null;
        }
    }

    /// <summary>The number box: empty only for a Sin medición category; otherwise the shared score rules.</summary>
    private sealed class SimulatedScoreValidator : AbstractValidator<SimulatorRow>
    {
        public SimulatedScoreValidator()
        {
            RuleFor(r => r.Text).NotEmpty().When(r => !r.StartsEmpty).WithMessage("Escriba un puntaje simulado de 0 a 100.");
            When(r => !string.IsNullOrWhiteSpace(r.Text), () => RuleFor(r => r.Text).ValidScore());
        }
    }
}
