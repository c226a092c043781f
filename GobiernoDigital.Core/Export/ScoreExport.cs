using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Core.Export;

/// <summary>One row of the "Puntajes" table: a category in a vigencia, with the vigencia's figures beside it.</summary>
/// <remarks>
/// <b>Gap</b>: Brecha, meta − puntaje (never below 0); null when the category was not measured.<br/>
/// <b>Percentage</b>: The vigencia's Porcentaje de Cumplimiento, unrounded; null when nothing was measured.<br/>
/// </remarks>
public sealed record ScoreExportRow(
    int Vigencia,
    string Component,
    string Category,
    decimal Weight,
    Score Score,
    decimal Target,
    decimal? Gap,
    string? Observation,
    decimal? Percentage,
    Coverage Coverage);

/// <summary>One row of the "Resumen" sheet: a vigencia, where its scores come from and the sums behind its figure.</summary>
/// <remarks>
/// <b>WeightedSum</b>, <b>WeightSum</b>: Σ wᵢ·sᵢ and Σ wᵢ over the measured categories; their quotient is
/// <see cref="Percentage"/>, so a reader can recompute it by hand.
/// </remarks>
public sealed record VigenciaSummary(
    int Vigencia,
    DateOnly? Date,
    MeasurementSource Source,
    decimal? OfficialIndex,
    decimal? Percentage,
    Coverage Coverage,
    decimal WeightedSum,
    decimal WeightSum);

/// <summary>
/// The scores of one vigencia or of the whole history, as the dashboard computes them, for download: the
/// "Puntajes" table (every category that applies to each vigencia, oldest vigencia first, categories in display order)
/// and, in the xlsx, a "Resumen" sheet with one row per vigencia.
/// </summary>
/// <remarks>
/// <para>The figures come from <see cref="ScoringSnapshot.ReportFor"/>, so they are the dashboard's own. The headers
/// are <see cref="ScoreColumns"/>, so an exported file imports back as it is (import skips the calculated columns).</para>
/// <para>A score is a number, or the words "No aplica" / "Sin medición". In the xlsx numbers are numeric cells (the
/// figures show one decimal but keep their exact value); in the csv they are es-CO text ("40,0"; the Porcentaje is
/// rounded to one decimal as the dashboard shows it). Text cells are protected with
/// <see cref="SpreadsheetText.Neutralize"/>.</para>
/// </remarks>
public sealed class ScoreExport : ISpreadsheetDocument
{
    public const string SummarySheetName = "Resumen";

    private static readonly SheetColumn[] SummaryColumns =
    [
        new("Entidad", 32),
        new(ScoreColumns.Vigencia),
        new("Fecha", 12),
        new("Fuente", 24),
        new("Índice oficial de Gobierno Digital", 16),
        new("Porcentaje de cumplimiento", 16, NumberStyle.OneDecimal),
        new("Categorías medidas", 12),
        new("No aplica", 12),
        new("Sin medición", 12),
        new("Σ peso·puntaje", 16),
        new("Σ peso", 10),
    ];

    private ScoreExport(int? vigencia, string? entityName, IReadOnlyList<ScoreExportRow> rows, IReadOnlyList<VigenciaSummary> summaries)
    {
        Vigencia = vigencia;
        EntityName = entityName;
        Rows = rows;
        Summaries = summaries;
    }

    /// <summary>The vigencia exported, or null for the whole history.</summary>
    public int? Vigencia { get; }

    /// <summary>The entity named in the "Resumen" sheet, when known.</summary>
    public string? EntityName { get; }

    public IReadOnlyList<ScoreExportRow> Rows { get; }

    /// <summary>One per vigencia exported, oldest first.</summary>
    public IReadOnlyList<VigenciaSummary> Summaries { get; }

    /// <summary>
    /// The export of <paramref name="vigencia"/>, or of every measured vigencia when null. Null when
    /// <paramref name="vigencia"/> has no measurement.
    /// </summary>
    public static ScoreExport? Create(ScoringSnapshot snapshot, int? vigencia = null, string? entityName = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var measurements = snapshot.Measurements
            .Where(m => vigencia is null || m.Vigencia == vigencia)
            .OrderBy(m => m.Vigencia)
            .ToList();
        if (vigencia is not null && measurements.Count == 0)
        {
            return null;
        }

        var rows = new List<ScoreExportRow>();
        var summaries = new List<VigenciaSummary>();
        foreach (var measurement in measurements)
        {
            var report = snapshot.ReportFor(measurement);
            var observations = measurement.Scores.ToDictionary(s => s.CategoryId, s => s.Observation);
            rows.AddRange(report.Categories.Select(c => new ScoreExportRow(
                measurement.Vigencia,
                c.Category.ComponentName,
                c.Category.Name,
                c.Category.Weight,
                c.Score,
                c.Category.Target,
                c.Gap,
                observations.GetValueOrDefault(c.Category.CategoryId),
                report.Percentage,
                report.Coverage)));
            summaries.Add(new VigenciaSummary(
                measurement.Vigencia,
                measurement.Date,
                measurement.Source,
                measurement.OfficialIndex,
                report.Percentage,
                report.Coverage,
                report.WeightedSum,
                report.WeightSum));
        }

        return new ScoreExport(vigencia, entityName, rows, summaries);
    }

    /// <summary><c>puntajes-2023.xlsx</c>, or <c>puntajes-historico.csv</c> for the whole history.</summary>
    public string FileName(SpreadsheetFormat format) =>
        $"puntajes-{Vigencia?.ToString(CultureInfo.InvariantCulture) ?? "historico"}.{format.Extension()}";

    /// <summary>The xlsx has the sheets "Puntajes" and "Resumen"; the csv, the "Puntajes" table only.</summary>
    public void Write(Stream stream, SpreadsheetFormat format) =>
        SpreadsheetWriter.Write(stream, format, [ScoresSheet(), SummarySheet()]);

    internal Sheet ScoresSheet() => new(
        ScoreSheetColumns.SheetName,
        ScoreSheetColumns.Export,
        Rows.Select(r => new object?[]
        {
            r.Vigencia,
            r.Component,
            r.Category,
            r.Weight,
            r.Score.Value is { } value ? value : r.Score.ToString(),
            r.Target,
            r.Gap,
            r.Observation,
            r.Percentage,
            r.Coverage.Text,
        }).ToList());

    internal Sheet SummarySheet() => new(
        SummarySheetName,
        SummaryColumns,
        Summaries.Select(s => new object?[]
        {
            EntityName,
            s.Vigencia,
            s.Date,
            s.Source.Text(),
            s.OfficialIndex,
            s.Percentage,
            s.Coverage.Measured,
            s.Coverage.NotApplicable,
            s.Coverage.NotMeasured,
            s.WeightedSum,
            s.WeightSum,
        }).ToList());
}
