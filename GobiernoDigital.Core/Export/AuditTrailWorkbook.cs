namespace GobiernoDigital.Core.Export;

/// <summary>One entry of the audit trail as a row of the download, texts as the page shows them.</summary>
/// <param name="OccurredAt">"29/02/2024 22:00:00", Colombia's time.</param>
/// <param name="UserName">Who made the change.</param>
/// <param name="Action">Creado, Modificado or Eliminado.</param>
/// <param name="Kind">The kind of record: "Acción de mejora", "Importación de puntajes".</param>
/// <param name="RecordName">The record as users know it.</param>
/// <param name="CategoryName">The category concerned, when there is one.</param>
/// <param name="Changes">One line per changed field.</param>
/// <param name="Details">One line per record of a bulk entry.</param>
public sealed record AuditTrailWorkbookRow(
    string OccurredAt,
    string UserName,
    string Action,
    string Kind,
    string RecordName,
    string? CategoryName,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Details);

/// <summary>The filtered audit trail as a workbook: one sheet «Auditoría», one row per entry, newest first.</summary>
/// <param name="rows">The entries, newest first.</param>
/// <param name="left">How many more entries matched the filters than the rows hold (said in a last row).</param>
public sealed class AuditTrailWorkbook(IReadOnlyList<AuditTrailWorkbookRow> rows, int left) : ISpreadsheetDocument
{
    /// <summary>Longest text of a cell: Excel holds 32 767 characters in a cell.</summary>
    public const int MaxCellLength = 32_000;

    /// <summary>The headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Fecha y hora (Colombia)", "Usuario", "Acción", "Tipo de registro", "Registro", "Categoría", "Cambios", "Detalle"];

    public string FileName(SpreadsheetFormat format) => $"auditoria.{format.Extension()}";

    public void Write(Stream stream, SpreadsheetFormat format)
    {
        double[] widths = [20, 24, 12, 22, 40, 30, 60, 80];
        var columns = Headers.Zip(widths, (name, width) => new SheetColumn(name, width)).ToList();
        var cells = rows
            .Select(r => new object?[]
            {
                r.OccurredAt, r.UserName, r.Action, r.Kind, r.RecordName, r.CategoryName, Lines(r.Changes), Lines(r.Details),
            })
            .ToList();
        if (left > 0)
        {
            cells.Add([$"… y {left} entradas más: acote las fechas o los filtros para descargarlas.", null, null, null, null, null, null, null]);
        }

        SpreadsheetWriter.Write(stream, format, [new Sheet("Auditoría", columns, cells)]);
    }

    private static string? Lines(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var text = string.Join("\n", lines);
        return text.Length <= MaxCellLength ? text : text[..(MaxCellLength - 1)] + "…";
    }
}
