using System.Text.Json.Serialization;

namespace GobiernoDigital.Core.Seeding;

// The shape of data/*.json, documented in data/README.md. Keys are Spanish because people read and edit the file.
#pragma warning disable CS1591

public sealed record SeedDocument(
    [property: JsonPropertyName("formato")] int Format,
    [property: JsonPropertyName("entidad")] SeedEntity Entity,
    [property: JsonPropertyName("componentes")] IReadOnlyList<SeedComponent> Components,
    [property: JsonPropertyName("mediciones")] IReadOnlyList<SeedMeasurement> Measurements,
    [property: JsonPropertyName("plan")] SeedPlan? Plan = null);

public sealed record SeedEntity(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("nit")] string Nit);

public sealed record SeedComponent(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("categorias")] IReadOnlyList<SeedCategory> Categories);

public sealed record SeedCategory(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("etiqueta")] string ShortLabel,
    [property: JsonPropertyName("tipo")] string Kind,
    [property: JsonPropertyName("nombreEnPlan")] string? NameInPlan = null);

public sealed record SeedMeasurement(
    [property: JsonPropertyName("vigencia")] int Vigencia,
    [property: JsonPropertyName("fuente")] string Source,
    [property: JsonPropertyName("puntajes")] IReadOnlyList<SeedScore> Scores,
    [property: JsonPropertyName("fecha")] DateOnly? Date = null,
    [property: JsonPropertyName("indiceOficial")] decimal? OfficialIndex = null);

public sealed record SeedScore(
    [property: JsonPropertyName("categoria")] string Category,
    [property: JsonPropertyName("puntaje")] decimal? Value = null,
    [property: JsonPropertyName("estado")] string? Status = null);

public sealed record SeedPlan(
    [property: JsonPropertyName("titulo")] string Title,
    [property: JsonPropertyName("codigo")] string Code,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("fechaAprobacion")] DateOnly ApprovedOn,
    [property: JsonPropertyName("vigenciaMedida")] int MeasuredVigencia,
    [property: JsonPropertyName("elaboro")] SeedPreparedBy PreparedBy,
    [property: JsonPropertyName("aprobo")] SeedApprovedBy ApprovedBy,
    [property: JsonPropertyName("hallazgos")] IReadOnlyList<SeedFinding> Findings);

public sealed record SeedPreparedBy(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("cargo")] string? Role = null,
    [property: JsonPropertyName("fecha")] DateOnly? Date = null);

public sealed record SeedApprovedBy(
    [property: JsonPropertyName("instancia")] string Body,
    [property: JsonPropertyName("acta")] string? Act = null);

public sealed record SeedFinding(
    [property: JsonPropertyName("categoria")] string Category,
    [property: JsonPropertyName("alternativas")] IReadOnlyList<string> Alternatives,
    [property: JsonPropertyName("mejoras")] IReadOnlyList<string> Improvements,
    [property: JsonPropertyName("puntaje")] decimal? RowScore = null,
    [property: JsonPropertyName("mejorasNoAplica")] bool ImprovementsNotApplicable = false,
    [property: JsonPropertyName("plazo")] SeedDeadline? Deadline = null,
    [property: JsonPropertyName("evaluacionEficacia")] string? EffectivenessNote = null);

public sealed record SeedDeadline(
    [property: JsonPropertyName("inicio")] DateOnly Start,
    [property: JsonPropertyName("fin")] DateOnly End);
