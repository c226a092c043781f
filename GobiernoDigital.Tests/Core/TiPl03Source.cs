using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Tests.Core;

/// <summary>
/// The seed's source document, ../shared/seed/plan-de-mejoramiento-TI.PL03.txt (beside the repository), typed out by hand row by row,
/// so that the tests check the JSON and the database against the document and not against themselves.
/// </summary>
/// <remarks>
/// The short names and the grouping into components are ours (data/README.md, DOMAIN.md); the <c>NameInPlan</c>
/// column and the scores are copied from the CATEGORÍAS and PUNTAJE cells of the document.
/// </remarks>
internal static class TiPl03Source
{
    public const string GobiernoAbierto = "TIC para Gobierno Abierto";
    public const string Servicios = "TIC para Servicios";
    public const string Gestion = "TIC para la Gestión";
    public const string Seguridad = "Seguridad y Privacidad de la Información";

    public const string Marco = "Definición del marco de seguridad y privacidad de la información y de los sistemas de información";
    public const string PlanSeguridad = "Plan de seguridad y privacidad de la información y de los sistemas de información";

    /// <summary>The components in document order.</summary>
    public static IReadOnlyList<string> Components { get; } = [GobiernoAbierto, Servicios, Gestion, Seguridad];

    /// <summary>The 17 categories in document order. A null score is an empty PUNTAJE cell: <em>sin medición</em>, not 0.</summary>
    public static IReadOnlyList<CategoryRow> Categories { get; } =
    [
        new(1, "Transparencia", "Indicadores de Proceso Logro: Transparencia", GobiernoAbierto, CategoryKind.Proceso, 40m),
        new(2, "Colaboración", "Indicadores de Proceso Logro: Colaboración", GobiernoAbierto, CategoryKind.Proceso, 0m),
        new(3, "Componente TIC para Gobierno abierto", "Indicadores de resultado Componente TIC para Gobierno abierto", GobiernoAbierto, CategoryKind.Resultado, 20m),
        new(4, "Servicios centrados en el usuario", "Indicadores de Proceso Logro: Servicios centrados en el usuario", Servicios, CategoryKind.Proceso, 0m),
        new(5, "Trámites y servicios en línea", "Indicadores de Proceso Logro: Trámites y servicios en línea", Servicios, CategoryKind.Proceso, 0m),
        new(6, "TIC para Servicios", "Indicadores de Resultado TIC para Servicios", Servicios, CategoryKind.Resultado, 0m),
        new(7, "Estrategia de TI", "Indicadores de Proceso Logro: Estrategia de TI", Gestion, CategoryKind.Proceso, 0m),
        new(8, "Gobierno de TI", "Indicadores de Proceso Logro: Gobierno de TI", Gestion, CategoryKind.Proceso, null),
        new(9, "Información", "Indicadores de Proceso Logro: Información", Gestion, CategoryKind.Proceso, 70m),
        new(10, "Sistemas de Información", "Indicadores de Proceso Logro: Sistemas de Información", Gestion, CategoryKind.Proceso, 0m),
        new(11, "Servicios Tecnológicos", "Indicadores de Proceso Logro: Servicios Tecnológicos", Gestion, CategoryKind.Proceso, 60m),
        new(12, "Uso y Apropiación", "Indicador de Proceso Logro: Uso y Apropiación", Gestion, CategoryKind.Proceso, 90m),
        new(13, "Capacidades Institucionales", "Indicador de Proceso Logro: Capacidades Institucionales", Gestion, CategoryKind.Proceso, 100m),
        new(14, "TIC para la Gestión", "Indicadores de resultado TIC para la Gestión", Gestion, CategoryKind.Resultado, 60m),
        new(15, Marco, "Indicadores de Proceso Logro: " + Marco, Seguridad, CategoryKind.Proceso, 75m),
        new(16, PlanSeguridad, "Indicadores de Proceso Logro: " + PlanSeguridad, Seguridad, CategoryKind.Proceso, 75m),
        new(17, "Seguridad y Privacidad de la Información", "Indicadores de resultado Seguridad y Privacidad de la Información", Seguridad, CategoryKind.Resultado, 50m),
    ];

    /// <summary>
    /// The 22 findings (table rows) in document order, with the number of paragraphs of the DISEÑO ALTERNATIVAS and
    /// MEJORAS cells (a «Fecha: (…)» paragraph is the deadline, not a paragraph; «NO APLICA» is no paragraph). <c>HasDeadline</c>: the MEJORAS cell ends with
    /// «Fecha: (01/08/2024 al 31/12/2027)». The continuation row of Estrategia de TI (no score, only a second block
    /// of alternatives) is not a finding of its own (data/README.md, rule 3).
    /// </summary>
    public static IReadOnlyList<FindingRow> Findings { get; } =
    [
        new("Transparencia", 40m, Alternatives: 2, Improvements: 3, HasDeadline: true, NotApplicable: false, "Porcentaje de Cumplimiento de Gobierno Digital"),
        new("Colaboración", 0m, Alternatives: 2, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new("Componente TIC para Gobierno abierto", 20m, Alternatives: 1, Improvements: 6, HasDeadline: true, NotApplicable: false, null),
        new("Componente TIC para Gobierno abierto", 20m, Alternatives: 0, Improvements: 0, HasDeadline: false, NotApplicable: false, null),
        new("Servicios centrados en el usuario", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: true, "NO APLICA"),
        new("Servicios centrados en el usuario", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: false, null),
        new("Servicios centrados en el usuario", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: false, null),
        new("Servicios centrados en el usuario", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: false, null),
        new("Trámites y servicios en línea", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: true, "NO APLICA"),
        new("Trámites y servicios en línea", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: true, "NO APLICA"),
        new("TIC para Servicios", 0m, Alternatives: 1, Improvements: 0, HasDeadline: false, NotApplicable: true, "NO APLICA"),
        new("Estrategia de TI", 0m, Alternatives: 2, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new("Gobierno de TI", null, Alternatives: 4, Improvements: 4, HasDeadline: true, NotApplicable: false, null),
        new("Información", 70m, Alternatives: 4, Improvements: 4, HasDeadline: true, NotApplicable: false, null),
        new("Sistemas de Información", 0m, Alternatives: 4, Improvements: 6, HasDeadline: true, NotApplicable: false, null),
        new("Servicios Tecnológicos", 60m, Alternatives: 4, Improvements: 3, HasDeadline: true, NotApplicable: false, null),
        new("Uso y Apropiación", 90m, Alternatives: 1, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new("Capacidades Institucionales", 100m, Alternatives: 1, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new("TIC para la Gestión", 60m, Alternatives: 1, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new(Marco, 75m, Alternatives: 1, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new(PlanSeguridad, 75m, Alternatives: 1, Improvements: 1, HasDeadline: true, NotApplicable: false, null),
        new("Seguridad y Privacidad de la Información", 50m, Alternatives: 2, Improvements: 2, HasDeadline: true, NotApplicable: false, null),
    ];

    /// <summary>«Fecha: (01/08/2024 al 31/12/2027)», the only deadline the document gives.</summary>
    public static DateOnly DeadlineStart { get; } = new(2024, 8, 1);

    public static DateOnly DeadlineEnd { get; } = new(2027, 12, 31);

    public static CategoryRow Category(string name) => Categories.Single(c => c.Name == name);

    public sealed record CategoryRow(int Order, string Name, string NameInPlan, string Component, CategoryKind Kind, decimal? ScoreValue)
    {
        public Score Score => ScoreValue is { } value ? Score.Measured(value) : Score.NotMeasured;
    }

    public sealed record FindingRow(string Category, decimal? RowScore, int Alternatives, int Improvements, bool HasDeadline, bool NotApplicable, string? EffectivenessNote);
}
