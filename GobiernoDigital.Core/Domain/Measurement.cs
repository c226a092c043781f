namespace GobiernoDigital.Core.Domain;

/// <summary>Where a measurement's scores come from.</summary>
public enum MeasurementSource
{
    /// <summary>The entity's own self-assessment.</summary>
    Autodiagnostico = 0,

    /// <summary>The official FURAG result published by Función Pública.</summary>
    ResultadoOficialFurag = 1,
}

/// <summary>Whether a measurement's scores are final.</summary>
/// <remarks>Stored by name. Measurements recorded before the state existed became <see cref="Definitiva"/> (migration MeasurementState).</remarks>
public enum MeasurementState
{
    /// <summary>Partial or not yet confirmed (an import in parts, a self-assessment in progress): never the headline as an official result.</summary>
    Provisional = 0,

    /// <summary>The final result of the vigencia.</summary>
    Definitiva = 1,
}

/// <summary>One FURAG result set (<em>medición</em>) for a vigencia: one score per category that applies.</summary>
/// <remarks>There is at most one measurement per vigencia.</remarks>
public sealed class Measurement
{
    public const int MinVigencia = 2000;
    public const int MaxVigencia = 2100;

    /// <summary>The source a new measurement starts with, in the form and in the import alike.</summary>
    public const MeasurementSource DefaultSource = MeasurementSource.Autodiagnostico;

    /// <summary>The state a new measurement starts with, in the form and in the import alike: it is final only when someone says so.</summary>
    public const MeasurementState DefaultState = MeasurementState.Provisional;

    private readonly List<CategoryScore> _scores = [];

    private Measurement()
    {
    }

    public Measurement(int vigencia, DateOnly? date, MeasurementSource source, decimal? officialIndex, MeasurementState state = MeasurementState.Definitiva)
    {
        if (vigencia is < MinVigencia or > MaxVigencia)
        {
            throw new DomainException($"La vigencia debe estar entre {MinVigencia} y {MaxVigencia}.");
        }

        Vigencia = vigencia;
        SetDetails(date, source, officialIndex, state);
    }

    public int Id { get; private set; }

    /// <summary>The year measured.</summary>
    public int Vigencia { get; private set; }

    /// <summary>When the result was obtained; null when the source document does not say.</summary>
    public DateOnly? Date { get; private set; }

    public MeasurementSource Source { get; private set; }

    /// <summary>Provisional or definitiva: only a definitiva official result is shown as «Resultado oficial FURAG».</summary>
    public MeasurementState State { get; private set; }

    /// <summary>The official <em>Índice de Gobierno Digital</em> (0–100) when known. Computed by FURAG's own model, never by this app.</summary>
    public decimal? OfficialIndex { get; private set; }

    public IReadOnlyList<CategoryScore> Scores => _scores;

    /// <summary>
    /// Grows by one every time the measurement or any of its scores is saved. It is the concurrency token: an editor who
    /// saves a measurement read at an older revision is refused instead of silently overwriting the other editor.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>Changes the date, the source, the official index and the state.</summary>
    public void SetDetails(DateOnly? date, MeasurementSource source, decimal? officialIndex, MeasurementState state)
    {
        if (!Enum.IsDefined(source))
        {
            throw new DomainException("La fuente de la medición no es válida.");
        }

        if (!Enum.IsDefined(state))
        {
            throw new DomainException("El estado de la medición no es válido.");
        }

        Date = date;
        Source = source;
        State = state;
        OfficialIndex = officialIndex is { } index ? Guard.Percentage(index, "El Índice de Gobierno Digital") : null;
    }

    /// <summary>Marks the measurement as changed, so that saving it bumps <see cref="Revision"/>. Call once per save.</summary>
    public void Touch() => Revision++;

    /// <summary>Sets the score of a category, replacing an earlier one.</summary>
    public void SetScore(Category category, Score score, string? observation = null)
    {
        var existing = _scores.Find(s => ReferenceEquals(s.Category, category) || (category.Id != 0 && s.CategoryId == category.Id));
        if (existing is null)
        {
            _scores.Add(new CategoryScore(category, score, observation));
        }
        else
        {
            existing.Update(score, observation);
        }
    }
}
