using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Where a series stands against its meta at the plan's horizon.</summary>
public enum ProjectionStatus
{
    /// <summary>At the observed pace it reaches the meta by the horizon.</summary>
    EnCamino,

    /// <summary>At the observed pace it falls short of the meta.</summary>
    NoAlcanza,

    /// <summary>One measured point: there is no observed pace, only the needed one.</summary>
    SoloUnaMedicion,

    /// <summary>The last value already reaches the meta.</summary>
    MetaAlcanzada,

    /// <summary>No measured point (every vigencia Sin medición).</summary>
    SinDatos,

    /// <summary>The last measurement is not before the horizon: no pace is left to compute.</summary>
    SinPlazo,
}

/// <summary>The projection of one series: the overall Porcentaje de Cumplimiento or a category's score.</summary>
/// <param name="CategoryId">The category; null for the overall figure.</param>
/// <param name="Name">What the series measures.</param>
/// <param name="ComponentName">The category's component; null for the overall figure.</param>
/// <param name="Result">Measured points, meta, paces and lines to the horizon.</param>
public sealed record ProjectionLine(int? CategoryId, string Name, string? ComponentName, ProjectionResult Result)
{
    /// <summary>The last measured point; null without any.</summary>
    public SeriesPoint? Last => Result.Measured.Count > 0 ? Result.Measured[^1] : null;

    public ProjectionStatus Status =>
        Last is not { } last ? ProjectionStatus.SinDatos
        : last.Value >= Result.Target ? ProjectionStatus.MetaAlcanzada
        : Result.NeededPace is null ? ProjectionStatus.SinPlazo
        : Result.SingleMeasurement ? ProjectionStatus.SoloUnaMedicion
        : Result.OnTrack == true ? ProjectionStatus.EnCamino
        : ProjectionStatus.NoAlcanza;

    /// <summary>The status as the chip reads it.</summary>
    public string StatusText => Status switch
    {
        ProjectionStatus.EnCamino => "En camino",
        ProjectionStatus.NoAlcanza => "No alcanza",
        ProjectionStatus.SoloUnaMedicion => "Solo una medición",
        ProjectionStatus.MetaAlcanzada => "Meta alcanzada",
        ProjectionStatus.SinDatos => "Sin mediciones",
        _ => "Sin plazo",
    };
}

/// <summary>What the projection page shows.</summary>
/// <param name="HorizonVigencia">The vigencia the plan ends in (31/12/2027 → 2027).</param>
/// <param name="PlanDeadline">The latest end date of the current plan's findings; null when there is none (the horizon is then <see cref="ProjectionService.DefaultHorizon"/>).</param>
/// <param name="Vigencias">The measured vigencias, oldest first.</param>
/// <param name="Overall">The Porcentaje de Cumplimiento; its meta is Σ wᵢ·metaᵢ ÷ Σ wᵢ of the categories measured in the last vigencia, with their metas of the horizon's vigencia.</param>
/// <param name="Categories">Each category that applies to the last measured vigencia and is not No aplica there, in the catalog's order.</param>
/// <param name="NotApplicable">The names of the categories that are No aplica in the last measured vigencia: not projected.</param>
public sealed record ProjectionModel(
    int HorizonVigencia,
    DateOnly? PlanDeadline,
    IReadOnlyList<int> Vigencias,
    ProjectionLine Overall,
    IReadOnlyList<ProjectionLine> Categories,
    IReadOnlyList<string> NotApplicable)
{
    /// <summary>The last measured vigencia: the series start from it (the metas are the horizon's own).</summary>
    public int LastVigencia => Vigencias[^1];

    /// <summary>The state of each measurement used, by vigencia, said on the page («2025 (provisional)»).</summary>
    public IReadOnlyDictionary<int, MeasurementState> States { get; init; } = new Dictionary<int, MeasurementState>();

    /// <summary>«2023 (definitiva) · 2025 (provisional)».</summary>
    public string MeasurementsText => string.Join(" · ", Vigencias.Select(v =>
        States.TryGetValue(v, out var state) ? $"{v} ({state.Text().ToLowerInvariant()})" : v.ToString(EsCo.Culture)));

    /// <summary>Only one vigencia measured: only the needed pace can be shown.</summary>
    public bool SingleMeasurement => Vigencias.Count == 1;
}
