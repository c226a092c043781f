using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Core.Export;

/// <summary>Who the committee report is about and when it was made.</summary>
/// <remarks>
/// <b>EntityName</b>, <b>EntityNit</b>: Null on a database without an entity.<br/>
/// <b>GeneratedOn</b>: The date the report was generated, in Colombia.<br/>
/// <b>PlanCode</b>: The code of the plan whose actions are listed (e.g. TI.PL03); null when there is no plan.<br/>
/// </remarks>
public sealed record ReportHeader(
    string? EntityName,
    string? EntityNit,
    DateOnly? MeasurementDate,
    MeasurementSource Source,
    decimal? OfficialIndex,
    DateOnly GeneratedOn,
    string? PlanCode);

/// <summary>Which list of the report an action is in.</summary>
public enum ReportActionList
{
    /// <summary>Open and past its end date.</summary>
    Late,

    /// <summary>Open and ending within the next 30 days.</summary>
    DueSoon,
}

/// <summary>An action of the plan as the report lists it.</summary>
/// <remarks><b>Status</b>: The status in words on the report's date ("Vencida", "En curso"…).</remarks>
public sealed record ReportActionRow(
    ReportActionList List,
    string Component,
    string Category,
    string Action,
    string? Responsible,
    DateOnly EndDate,
    string Status);

/// <summary>
/// The committee report of a vigencia for download: the sheets "Resumen" (entity, vigencia, the figure, its coverage,
/// its change and the sums behind it), "Categorías" (every category that applies, in display order) and "Acciones"
/// (every late action, then every action due within 30 days).
/// </summary>
/// <remarks>
/// Written with the exports' writer (<see cref="SpreadsheetText.Neutralize"/> on every text cell, numeric cells with
/// one decimal shown and the exact value kept). The figures are the <see cref="VigenciaReport"/>'s own. Unlike the
/// printed report, which lists the first actions only, the workbook lists them all.
/// </remarks>
public sealed class ReportExport : ISpreadsheetDocument
{
    public const string SummarySheetName = "Resumen";
    public const string CategoriesSheetName = "Categorías";
    public const string ActionsSheetName = "Acciones";

    /// <summary>The header of the figure in "Resumen".</summary>
    public const string PercentageColumn = "Porcentaje de cumplimiento";

    // MiniExcel styles columns by header across the workbook: a header means the same number format in every sheet.
    private static readonly SheetColumn[] SummaryColumns =
    [
        new("Entidad", 32),
        new("NIT", 14),
        new(ScoreColumns.Vigencia),
        new("Fecha de la medición", 12),
        new("Fuente", 24),
        new("Índice oficial de Gobierno Digital", 16),
        new(PercentageColumn, 16, NumberStyle.OneDecimal),
        new("Cobertura", 30),
        new("Categorías medidas", 12),
        new("No aplica", 12),
        new("Sin medición", 12),
        new("Vigencia anterior", 12),
        new("Porcentaje de cumplimiento anterior", 16, NumberStyle.OneDecimal),
        new("Cambio en puntos", 12, NumberStyle.OneDecimal),
        new("Σ peso·puntaje", 16),
        new("Σ peso", 10),
        new("Plan", 12),
        new("Acciones vencidas", 12),
        new("Acciones que vencen en 30 días", 14),
        new("Generado el", 12),
    ];

    private static readonly SheetColumn[] CategoryColumns =
    [
        new(ScoreColumns.Component, 32),
        new(ScoreColumns.Category, 48),
        new("Tipo", 10),
        new(ScoreColumns.Weight),
        new(ScoreColumns.Score, 12, NumberStyle.OneDecimal),
        new(ScoreColumns.Target, 10, NumberStyle.OneDecimal),
        new(ScoreColumns.Gap, 10, NumberStyle.OneDecimal),
        new("Puntos a ganar", 12, NumberStyle.OneDecimal),
        new("Puntaje anterior", 12, NumberStyle.OneDecimal),
        new("Cambio", 10, NumberStyle.OneDecimal),
    ];

    private static readonly SheetColumn[] ActionColumns =
    [
        new("Lista", 18),
        new("Componente de la acción", 32),
        new("Categoría de la acción", 40),
        new("Acción", 80),
        new("Responsable", 24),
        new("Fecha final", 12),
        new("Estado", 12),
    ];

    private ReportExport(ReportHeader header, VigenciaReport report, IReadOnlyList<ReportActionRow> actions)
    {
        Header = header;
        Report = report;
        Actions = actions;
    }

    public ReportHeader Header { get; }

    public VigenciaReport Report { get; }

    /// <summary>The late actions first, then those due soon, each in the order given.</summary>
    public IReadOnlyList<ReportActionRow> Actions { get; }

    public static ReportExport Create(ReportHeader header, VigenciaReport report, IEnumerable<ReportActionRow> actions)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actions);
        return new ReportExport(header, report, actions.OrderBy(a => a.List).ToList());
    }

    /// <summary>"Vencida" or "Vence en 30 días".</summary>
    public static string ListText(ReportActionList list) => list == ReportActionList.Late ? "Vencida" : "Vence en 30 días";

    /// <summary><c>informe-2023.xlsx</c>.</summary>
    public string FileName(SpreadsheetFormat format) =>
        $"informe-{Report.Vigencia.ToString(CultureInfo.InvariantCulture)}.{format.Extension()}";

    /// <summary>The xlsx has the sheets "Resumen", "Categorías" and "Acciones"; a csv would hold "Resumen" only.</summary>
    public void Write(Stream stream, SpreadsheetFormat format) =>
        SpreadsheetWriter.Write(stream, format, [SummarySheet(), CategoriesSheet(), ActionsSheet()]);

    internal Sheet SummarySheet() => new(
        SummarySheetName,
        SummaryColumns,
        [
            [
                Header.EntityName,
                Header.EntityNit,
                Report.Vigencia,
                Header.MeasurementDate,
                Header.Source.Text(),
                Header.OfficialIndex,
                Report.Percentage,
                Report.Coverage.Text,
                Report.Coverage.Measured,
                Report.Coverage.NotApplicable,
                Report.Coverage.NotMeasured,
                Report.PreviousVigencia,
                Report.PreviousPercentage,
                Report.Change,
                Report.WeightedSum,
                Report.WeightSum,
                Header.PlanCode,
                Actions.Count(a => a.List == ReportActionList.Late),
                Actions.Count(a => a.List == ReportActionList.DueSoon),
                Header.GeneratedOn,
            ],
        ]);

    internal Sheet CategoriesSheet() => new(
        CategoriesSheetName,
        CategoryColumns,
        Report.Categories.Select(c => new object?[]
        {
            c.Category.ComponentName,
            c.Category.Name,
            c.Category.Kind == CategoryKind.Resultado ? "Resultado" : "Proceso",
            c.Category.Weight,
            ScoreCell(c.Score),
            c.Category.Target,
            c.Gap,
            c.PointsToGain,
            c.PreviousScore is { } previous ? ScoreCell(previous) : null,
            c.Change,
        }).ToList());

    internal Sheet ActionsSheet() => new(
        ActionsSheetName,
        ActionColumns,
        Actions.Select(a => new object?[]
        {
            ListText(a.List),
            a.Component,
            a.Category,
            a.Action,
            a.Responsible,
            a.EndDate,
            a.Status,
        }).ToList());

    private static object ScoreCell(Score score) => score.Value is { } value ? value : score.ToString();
}
