using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// Reads a scores file (.xlsx or .csv) into its header and data rows, or says in Spanish why the file as a whole cannot be
/// read (extension, size, empty, not a workbook, wrong columns). The rows are not checked here: <see cref="ImportAnalyzer"/> does.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>.xlsx: the sheet named «Puntajes» when there is one, otherwise the first sheet, read by
/// <see cref="WorkbookSheetReader"/>. Numbers become text that <see cref="NumberText.Parse"/> reads back to the same value ("45,5").</item>
/// <item>Both formats within <see cref="ImportLimits"/> (rows, columns with data, cell length; for a workbook also its
/// decompressed size, parts and texts), checked while reading: a file over a limit is refused with its Spanish message,
/// and nothing is written to disk.</item>
/// <item>.csv: UTF-8 with or without byte order mark; <c>;</c> or <c>,</c> as separator, detected from the header line
/// (a first line <c>sep=;</c>, as Excel writes it, is honoured); cells may be quoted.</item>
/// <item>Row 1 is the header; every row keeps the number the spreadsheet shows, also when empty rows are skipped.</item>
/// <item>A text cell written as <c>'=…</c>, <c>'+…</c>, <c>'-…</c> or <c>'@…</c> (how the export neutralises formulas)
/// loses its apostrophe.</item>
/// </list>
/// </remarks>
public static class ScoreFileReader
{
    /// <summary>The largest file accepted: 5 MB.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public const string UnsupportedExtension = "Solo se aceptan archivos .xlsx o .csv.";
    public const string EmptyFile = "El archivo está vacío.";
    public const string NoDataRows = "El archivo solo tiene el encabezado: no hay filas de datos.";
    public const string NotAWorkbook = "El archivo no es un libro de Excel (.xlsx) válido. Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)».";
    public const string NotUtf8 = "El archivo CSV no está en UTF-8. En Excel, guárdelo como «CSV UTF-8 (delimitado por comas)».";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>"El archivo pesa 6,2 MB; el máximo es 5 MB."</summary>
    public static string TooLarge(long bytes) => $"El archivo pesa {Megabytes(bytes)} MB; el máximo es {MaxBytes / (1024 * 1024)} MB.";

    /// <summary>
    /// Reads the file. At most <see cref="MaxBytes"/> + 1 bytes are read from <paramref name="content"/>, so a larger file
    /// is refused without being read whole.
    /// </summary>
    /// <param name="content">The file's bytes; need not be seekable.</param>
    /// <param name="fileName">The name as the user chose it; its extension picks the format.</param>
    /// <param name="size">The size the browser reported, in bytes.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<ScoreFileReadResult> ReadAsync(Stream content, string fileName, long size, CancellationToken cancellationToken = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return ScoreFileReadResult.Fail(UnsupportedExtension);
        }

        if (size > MaxBytes)
        {
            return ScoreFileReadResult.Fail(TooLarge(size));
        }

        var bytes = await ReadAtMostAsync(content, MaxBytes + 1, cancellationToken);
        if (bytes.Length > MaxBytes)
        {
            // The browser reported a smaller size than the stream holds.
            return ScoreFileReadResult.Fail(TooLarge(Math.Max(size, bytes.Length)));
        }

        if (bytes.Length == 0)
        {
            return ScoreFileReadResult.Fail(EmptyFile);
        }

        var table = extension == ".xlsx" ? ReadWorkbook(bytes, cancellationToken) : ReadCsv(bytes, cancellationToken);
        return table.Error is not null ? ScoreFileReadResult.Fail(table.Error) : ToScoreFile(fileName, table.Rows);
    }

    private sealed record Table(List<string?[]> Rows, string? Error = null)
    {
        public static Table Fail(string error) => new([], error);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Table ReadWorkbook(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            var rows = WorkbookSheetReader.ReadRows(bytes, cancellationToken);
            return rows is null ? Table.Fail(EmptyFile) : new Table(rows);
        }
        catch (ImportLimitException ex)
        {
            return Table.Fail(ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or FormatException or IOException or NotSupportedException)
        {
            // A bad zip, a missing part, bad XML or a DTD: to the user they are all the same problem.
            return Table.Fail(NotAWorkbook);
        }
    }

    /// <summary>The text of a workbook cell; a number keeps its value ("45,5") and is read back by <see cref="NumberText.Parse"/>.</summary>
    internal static string? WorkbookCellText(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => NumberCellText(number),
        float number => NumberCellText(number),
        decimal number => number.ToString(EsCo.Culture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => EsCo.Date(DateOnly.FromDateTime(date)),
        DateTime date => date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "VERDADERO" : "FALSO",
        _ => Convert.ToString(value, EsCo.Culture),
    };

    private static string NumberCellText(double number)
    {
        // A spreadsheet stores numbers as doubles: 45.5 is exact, 0.1 * 3 is 0.30000000000000004. The conversion to
        // decimal keeps 15 significant digits, what the spreadsheet shows, so the cell reads as typed.
        if (double.IsFinite(number) && Math.Abs(number) < 1e15)
        {
            return ((decimal)number).ToString(EsCo.Culture);
        }

        return number.ToString("R", EsCo.Culture);
    }

    private static Table ReadCsv(byte[] bytes, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Table.Fail(NotUtf8);
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Table.Fail(EmptyFile);
        }

        var firstLineEnd = text.IndexOf('\n');
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd('\r');
        char separator;
        if (firstLine.Length == 5 && firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine[4] is ';' or ',')
        {
            // Excel's separator hint; Excel hides this line, so the header below it is row 1.
            separator = firstLine[4];
            text = firstLineEnd < 0 ? string.Empty : text[(firstLineEnd + 1)..];
        }
        else
        {
            separator = DetectSeparator(firstLine);
        }

        var rows = new List<string?[]>();
        var fields = new string?[ImportLimits.MaxColumns];
        try
        {
            using var reader = CsvReader.FromText(text, new CsvReaderOptions
            {
                Separator = separator,
                HasHeader = false,
                // Empty lines are rows of the spreadsheet too: kept here so the row numbers stay right, skipped later.
                SkipEmptyLines = false,
            });
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rows.Count > ImportLimits.MaxDataRows)
                {
                    return Table.Fail(ImportLimits.TooManyRows);
                }

                // Only up to the last field with text counts: Excel writes a separator for every column of the used range.
                var width = 0;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var field = reader.GetString(i);
                    if (string.IsNullOrWhiteSpace(field))
                    {
                        continue;
                    }

                    if (i >= ImportLimits.MaxColumns)
                    {
                        return Table.Fail(ImportLimits.TooManyColumns);
                    }

                    if (field.Length > ImportLimits.MaxCellLength)
                    {
                        return Table.Fail(ImportLimits.CellTooLong($"{ColumnLetter(i)}{rows.Count + 1}"));
                    }

                    fields[i] = field;
                    width = i + 1;
                }

                var cells = fields[..width];
                Array.Clear(fields);
                rows.Add(cells);
            }
        }
        catch (CsvFormatException ex)
        {
            return Table.Fail($"El archivo CSV está mal formado cerca de la fila {ex.RecordNumber}: revise las comillas.");
        }

        return new Table(rows);
    }

    /// <summary>The separator of the header line: the one of <c>;</c> and <c>,</c> that appears more often outside quotes.</summary>
    internal static char DetectSeparator(string headerLine)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ';' when !quoted:
                    semicolons++;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    private static ScoreFileReadResult ToScoreFile(string fileName, List<string?[]> rows)
    {
        if (rows.All(IsEmpty))
        {
            return ScoreFileReadResult.Fail(EmptyFile);
        }

        var header = rows[0].Select(h => Clean(h) ?? string.Empty).ToList();
        var positions = new Dictionary<string, List<int>>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }

            if (ScoreColumns.Match(header[i]) is { } column)
            {
                (positions.TryGetValue(column, out var list) ? list : positions[column] = []).Add(i);
            }
            else
            {
                unknown.Add(header[i]);
            }
        }

        var errors = new List<string>();
        var missing = ScoreColumns.Required.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(missing.Count == 1
                ? $"Falta la columna obligatoria «{missing[0]}». La fila 1 debe tener los nombres de las columnas."
                : $"Faltan las columnas obligatorias {Quoted(missing)}. La fila 1 debe tener los nombres de las columnas.");
        }

        if (unknown.Count > 0)
        {
            errors.Add((unknown.Count == 1 ? $"La columna «{ImportLimits.Quote(unknown[0])}» no se reconoce. " : $"Las columnas {Quoted(unknown)} no se reconocen. ") + ValidColumns);
        }

        foreach (var (column, indexes) in positions.Where(p => p.Value.Count > 1))
        {
            errors.Add($"La columna «{column}» está repetida (columnas {Join(indexes.Select(ColumnLetter).ToList())}).");
        }

        var unnamedWithData = Enumerable.Range(0, rows.Max(r => r.Length))
            .Where(i => (i >= header.Count || header[i].Length == 0) && rows.Skip(1).Any(r => i < r.Length && Clean(r[i]) is not null))
            .ToList();
        if (unnamedWithData.Count > 0)
        {
            errors.Add(unnamedWithData.Count == 1
                ? $"La columna {ColumnLetter(unnamedWithData[0])} tiene datos pero no tiene nombre en la fila 1."
                : $"Las columnas {Join(unnamedWithData.Select(ColumnLetter).ToList())} tienen datos pero no tienen nombre en la fila 1.");
        }

        if (errors.Count > 0)
        {
            return ScoreFileReadResult.Fail(errors);
        }

        string? Cell(string?[] row, string column) =>
            positions.TryGetValue(column, out var at) && at[0] < row.Length ? Clean(row[at[0]]) : null;

        var data = new List<ScoreFileRow>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var parsed = new ScoreFileRow(
                RowNumber: r + 1,
                Vigencia: Cell(row, ScoreColumns.Vigencia),
                Category: Cell(row, ScoreColumns.Category),
                Score: Cell(row, ScoreColumns.Score),
                Target: Cell(row, ScoreColumns.Target),
                Observation: Cell(row, ScoreColumns.Observation));

            // A row with nothing to import (empty, or only the columns export calculates) is skipped.
            if (parsed is { Vigencia: null, Category: null, Score: null, Target: null, Observation: null })
            {
                continue;
            }

            data.Add(parsed);
        }

        return data.Count == 0
            ? ScoreFileReadResult.Fail(NoDataRows)
            : ScoreFileReadResult.Read(new ScoreFile(
                fileName,
                header,
                data,
                HasTargetColumn: positions.ContainsKey(ScoreColumns.Target),
                HasObservationColumn: positions.ContainsKey(ScoreColumns.Observation)));
    }

    private static string ValidColumns { get; } =
        $"Las columnas válidas son {Join(ScoreColumns.Required)} (obligatorias), {Join(ScoreColumns.Optional)} (opcionales), " +
        $"y {Join(ScoreColumns.Calculated)}, que escribe la exportación y se aceptan sin leerse.";

    /// <summary>Trimmed text, null when empty; a neutralised formula (<c>'=…</c>) loses its apostrophe.</summary>
    private static string? Clean(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var text = cell.Trim();
        return SpreadsheetText.Restore(text); // the apostrophe the export put before a formula character
    }

    private static bool IsEmpty(string?[] row) => row.All(c => Clean(c) is null);

    private static string Megabytes(long bytes)
    {
        var megabytes = bytes / (decimal)(1024 * 1024);
        var shown = decimal.Round(megabytes, 1, MidpointRounding.AwayFromZero);
        if (shown * 1024 * 1024 <= MaxBytes)
        {
            // Just over the limit: rounding must not show the limit itself.
            shown = decimal.Ceiling(megabytes * 10) / 10;
        }

        return shown.ToString("0.0", EsCo.Culture);
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA": the letters a spreadsheet shows above a column.</summary>
    internal static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Quoted(IReadOnlyList<string> names) => Join(names.Select(n => $"«{ImportLimits.Quote(n)}»").ToList());

    /// <summary>A Spanish list: "A", "A y B", "A, B y C".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " y " + items[^1],
    };
}
