using System.Data;
using System.Globalization;
using CsvHelper;
using GobiernoDigital.Core.Domain;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GobiernoDigital.Core.Export;

/// <summary>How the numbers of a column are written.</summary>
internal enum NumberStyle
{
    /// <summary>The exact value: "1", "0,25", "2023".</summary>
    Exact,

    /// <summary>A figure shown with one decimal, as the dashboard shows it: "40,0" (the xlsx keeps the exact value).</summary>
    OneDecimal,
}

/// <summary>A column of a sheet: its header, its width in characters (0: the default) and how its numbers are written.</summary>
internal sealed record SheetColumn(string Name, double Width = 0, NumberStyle Numbers = NumberStyle.Exact);

/// <summary>
/// A sheet to write: a header row and rows of cells. A cell is <see langword="null"/> (empty), a <see cref="string"/>,
/// an <see cref="int"/>, a <see cref="decimal"/> or a <see cref="DateOnly"/>.
/// </summary>
internal sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Writes sheets as xlsx (MiniExcel) or csv (CsvHelper), neutralising formula injection in both.</summary>
internal static class SpreadsheetWriter
{
    // Excel's own default column width, for columns that need a number format but no particular width.
    private const double ExcelDefaultWidth = 8.43;

    /// <summary>Writes every sheet as an xlsx workbook, or the first sheet only as csv (a csv holds one table).</summary>
    public static void Write(Stream stream, SpreadsheetFormat format, IReadOnlyList<Sheet> sheets)
    {
        switch (format)
        {
            case SpreadsheetFormat.Xlsx:
                WriteXlsx(stream, sheets);
                break;
            case SpreadsheetFormat.Csv:
                WriteCsv(stream, sheets[0]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>
    /// Writes one sheet per entry, in order, each with its header on the first row (frozen). Numbers are numeric cells
    /// (one-decimal columns get the format <c>0.0</c>), dates are date cells in the reader's short date format, texts
    /// are text cells, neutralised with <see cref="SpreadsheetText.Neutralize"/>.
    /// </summary>
    private static void WriteXlsx(Stream stream, IReadOnlyList<Sheet> sheets)
    {
        // A DataTable keeps the header row of a sheet without rows (an empty history, an empty catalog).
        var tables = sheets.Select(s => new DataTable(s.Name) { Locale = CultureInfo.InvariantCulture }).ToList();
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, table) in sheets.Zip(tables))
        {
            foreach (var column in sheet.Columns)
            {
                table.Columns.Add(column.Name, typeof(object));
            }

            foreach (var row in sheet.Rows)
            {
                table.Rows.Add(row.Select(XlsxCell).ToArray());
            }

            workbook.Add(sheet.Name, table);
        }

        var configuration = new OpenXmlConfiguration
        {
            // MiniExcel styles columns by header name across every sheet: the first sheet that names a column sets it.
            DynamicColumns = sheets.SelectMany(s => s.Columns)
                .DistinctBy(c => c.Name)
                .Where(c => c.Width > 0 || c.Numbers == NumberStyle.OneDecimal)
                .Select(c => new DynamicExcelColumn(c.Name)
                {
                    Width = c.Width > 0 ? c.Width : ExcelDefaultWidth,
                    Format = c.Numbers == NumberStyle.OneDecimal ? "0.0" : null,
                })
                .ToArray(),
            FreezeRowCount = 1,
        };
        try
        {
            MiniExcel.SaveAs(stream, workbook, configuration: configuration);
        }
        finally
        {
            tables.ForEach(t => t.Dispose());
        }
    }

    /// <summary>
    /// Writes one sheet as CSV for Excel in Colombia: UTF-8 with BOM, <c>;</c> between fields, CRLF after each record,
    /// RFC 4180 quoting (a field with <c>;</c>, a quote or a line break is quoted, inner quotes doubled), numbers with a
    /// decimal comma, dates as dd/MM/yyyy, texts neutralised with <see cref="SpreadsheetText.Neutralize"/>.
    /// </summary>
    private static void WriteCsv(Stream stream, Sheet sheet)
    {
        var options = new CsvWriterOptions
        {
            Separator = ';',
            NewLine = "\r\n",
            WriteByteOrderMark = true,
            FormatProvider = EsCo.Culture,
        };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        foreach (var column in sheet.Columns)
        {
            csv.WriteField(column.Name);
        }

        csv.EndRecord();
        foreach (var row in sheet.Rows)
        {
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                csv.WriteField(CsvCell(row[i], sheet.Columns[i]));
            }

            csv.EndRecord();
        }
    }

    private static object XlsxCell(object? value) => value switch
    {
        null => DBNull.Value,
        string text => SpreadsheetText.Neutralize(text)!,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        int or decimal => value,
        _ => throw new ArgumentException($"Unsupported cell type {value.GetType()}.", nameof(value)),
    };

    private static string? CsvCell(object? value, SheetColumn column) => value switch
    {
        null => null,
        string text => SpreadsheetText.Neutralize(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal number when column.Numbers == NumberStyle.OneDecimal => EsCo.Number(number),
        decimal number => number.ToString("0.############################", EsCo.Culture),
        DateOnly date => EsCo.Date(date),
        _ => throw new ArgumentException($"Unsupported cell type {value.GetType()}.", nameof(value)),
    };
}
