using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Core.Export;

/// <summary>A row of the import template: a category of the vigencia with its meta prefilled; the score is left to fill in.</summary>
public sealed record TemplateRow(int Vigencia, string Category, decimal Target);

/// <summary>
/// The import template of the next vigencia (the latest measured one + 1): the columns import reads
/// (<see cref="ScoreColumns.Vigencia"/>, <see cref="ScoreColumns.Category"/>, <see cref="ScoreColumns.Score"/>,
/// <see cref="ScoreColumns.Target"/>, <see cref="ScoreColumns.Observation"/>) and one row per category that applies
/// to it, in display order, with the vigencia, the name and the current meta filled in. The xlsx adds an
/// "Instrucciones" sheet.
/// </summary>
/// <remarks>
/// The meta prefilled is the one already set for that vigencia, or else the category's meta in the latest measured
/// vigencia (a new vigencia starts from it), or 100 when nothing was measured yet.
/// </remarks>
public sealed class ScoreTemplate : ISpreadsheetDocument
{
    public const string InstructionsSheetName = "Instrucciones";

    private static readonly SheetColumn[] InstructionsColumns = [new("Columna", 16), new("Qué escribir", 110)];

    private ScoreTemplate(int vigencia, IReadOnlyList<TemplateRow> rows)
    {
        Vigencia = vigencia;
        Rows = rows;
    }

    /// <summary>The vigencia the template is for.</summary>
    public int Vigencia { get; }

    public IReadOnlyList<TemplateRow> Rows { get; }

    /// <summary>
    /// The template for the vigencia after the latest measured one, or for <paramref name="vigenciaWhenNoneMeasured"/>
    /// when there is no measurement yet.
    /// </summary>
    public static ScoreTemplate Create(ScoringSnapshot snapshot, int vigenciaWhenNoneMeasured)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int? latest = snapshot.Measurements.Count == 0 ? null : snapshot.Measurements.Max(m => m.Vigencia);
        var vigencia = Math.Clamp(latest + 1 ?? vigenciaWhenNoneMeasured, Measurement.MinVigencia, Measurement.MaxVigencia);
        var rows = snapshot.Categories
            .Where(c => c.AppliesTo(vigencia))
            .Select(c => new TemplateRow(
                vigencia,
                c.Name,
                snapshot.TargetSetFor(c.Id, vigencia) ?? (latest is { } l ? snapshot.TargetOf(c.Id, l) : Target.Default)))
            .ToList();
        return new ScoreTemplate(vigencia, rows);
    }

    /// <summary><c>plantilla-puntajes-2024.xlsx</c>.</summary>
    public string FileName(SpreadsheetFormat format) =>
        $"plantilla-puntajes-{Vigencia.ToString(CultureInfo.InvariantCulture)}.{format.Extension()}";

    /// <summary>The xlsx has the sheets "Puntajes" and "Instrucciones"; the csv, the "Puntajes" table only.</summary>
    public void Write(Stream stream, SpreadsheetFormat format) =>
        SpreadsheetWriter.Write(stream, format, [ScoresSheet(), InstructionsSheet()]);

    internal Sheet ScoresSheet() => new(
        ScoreSheetColumns.SheetName,
        ScoreSheetColumns.Template,
        Rows.Select(r => new object?[] { r.Vigencia, r.Category, null, r.Target, null }).ToList());

    internal Sheet InstructionsSheet() => new(
        InstructionsSheetName,
        InstructionsColumns,
        [
            [ScoreColumns.Vigencia, $"El año medido. La plantilla trae {Vigencia} en cada fila."],
            [ScoreColumns.Category, "El nombre de la categoría como aparece en el tablero; se reconoce aunque cambien las tildes o las mayúsculas. " +
                "La plantilla trae una fila por cada categoría que aplica a la vigencia."],
            [ScoreColumns.Score, "Toda fila necesita un puntaje: un número de 0 a 100 con máximo un decimal, con coma o con punto (45,5 o 45.5); " +
                "o las palabras «No aplica» si la categoría no aplica a la entidad, o «Sin medición» si no tiene puntaje. " +
                "«No aplica» y «Sin medición» no son un cero: no entran en el Porcentaje de Cumplimiento."],
            [ScoreColumns.Target, "Opcional. La meta de la categoría para la vigencia, de 0 a 100 con máximo un decimal (coma o punto). " +
                "La plantilla trae la meta actual; si deja la celda vacía, la meta no cambia."],
            [ScoreColumns.Observation, $"Opcional. Una nota sobre el puntaje, de hasta {ValidationRules.ObservationMaxLength} caracteres."],
            ["Archivo", "Escriba en la hoja «Puntajes» y no cambie los nombres de las columnas. " +
                "También puede importar un archivo exportado desde el tablero: sus columnas calculadas " +
                $"({string.Join(", ", ScoreColumns.Calculated)}) se ignoran. " +
                "Un texto que empieza por =, +, - o @ se exporta precedido de un apóstrofo (') para que la hoja de cálculo no lo ejecute como fórmula; " +
                "al importar, ese apóstrofo se quita."],
        ]);
}
