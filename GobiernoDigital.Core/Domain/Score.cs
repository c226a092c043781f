namespace GobiernoDigital.Core.Domain;

/// <summary>What a category's score in a measurement is: a number, or one of two kinds of absence.</summary>
/// <remarks>The default is <see cref="NotMeasured"/>, so <c>default(Score)</c> is "sin medición", never a value-less measurement.</remarks>
public enum ScoreStatus
{
    /// <summary>The category was not measured (the plan has no score for it): not a zero.</summary>
    NotMeasured = 0,

    /// <summary>A measured value from 0 to 100.</summary>
    Measured = 1,

    /// <summary>The category does not apply to the entity: not a zero either, and left out of every mean.</summary>
    NotApplicable = 2,
}

/// <summary>
/// The score of a category: a measured value from 0 to 100 with at most one decimal,
/// <em>No aplica</em>, or <em>Sin medición</em>. The three are distinct everywhere.
/// </summary>
/// <remarks>A value outside 0–100 or with more than one decimal cannot be constructed.</remarks>
public readonly record struct Score
{
    public const decimal Min = 0m;
    public const decimal Max = 100m;

    private Score(ScoreStatus status, decimal? value)
    {
        Status = status;
        Value = value;
    }

    /// <summary>Measured, no aplica or sin medición.</summary>
    public ScoreStatus Status { get; }

    /// <summary>The measured value (0–100); <c>null</c> unless <see cref="Status"/> is <see cref="ScoreStatus.Measured"/>.</summary>
    public decimal? Value { get; }

    public bool IsMeasured => Status == ScoreStatus.Measured;

    public static Score NotApplicable { get; } = new(ScoreStatus.NotApplicable, null);

    public static Score NotMeasured { get; } = new(ScoreStatus.NotMeasured, null);

    /// <summary>A measured score.</summary>
    /// <exception cref="DomainException">The value is outside 0–100 or has more than one decimal.</exception>
    public static Score Measured(decimal value)
    {
        if (value is < Min or > Max)
        {
            throw new DomainException($"El puntaje debe estar entre 0 y 100; se recibió {value.ToString(EsCo.Culture)}.");
        }

        if (decimal.Round(value, 1) != value)
        {
            throw new DomainException($"El puntaje admite como máximo un decimal; se recibió {value.ToString(EsCo.Culture)}.");
        }

        return new Score(ScoreStatus.Measured, value);
    }

    /// <summary>Rebuilds a score from its stored parts.</summary>
    public static Score From(ScoreStatus status, decimal? value) => status switch
    {
        ScoreStatus.Measured when value is { } v => Measured(v),
        ScoreStatus.Measured => throw new DomainException("Un puntaje medido necesita un valor."),
        ScoreStatus.NotApplicable => NotApplicable,
        ScoreStatus.NotMeasured => NotMeasured,
        _ => throw new DomainException($"Estado de puntaje desconocido: {status}."),
    };

    /// <summary>Spanish text for tables and exports: "45,5", "No aplica" or "Sin medición".</summary>
    public override string ToString() => Status switch
    {
        ScoreStatus.Measured => EsCo.Number(Value!.Value),
        ScoreStatus.NotApplicable => "No aplica",
        _ => "Sin medición",
    };
}
