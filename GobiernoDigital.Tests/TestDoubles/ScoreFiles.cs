using System.Text;
using GobiernoDigital.Core.Import;
using MiniExcelLibs;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>Scores files built in the test: CSV text or bytes, and real workbooks written with MiniExcel.</summary>
public static class ScoreFiles
{
    /// <summary>The three required columns, as the template writes them.</summary>
    public static string[] RequiredHeader { get; } = [ScoreColumns.Vigencia, ScoreColumns.Category, ScoreColumns.Score];

    /// <summary>CSV text: a header line and one line per row, quoted where needed.</summary>
    public static string CsvText(char separator, IReadOnlyList<string> header, params IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(separator, header.Select(h => Quote(h, separator)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(separator, row.Select(c => Quote(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, separator)))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>, with or without a byte order mark.</summary>
    public static byte[] Utf8(string text, bool byteOrderMark = false) =>
        byteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    /// <summary>A workbook with one sheet: the header and the rows (a null cell stays empty; numbers stay numbers).</summary>
    public static byte[] Xlsx(IReadOnlyList<string> header, params IEnumerable<object?[]> rows) =>
        Xlsx(new Dictionary<string, object> { ["Hoja1"] = Sheet(header, rows) });

    /// <summary>A workbook with several sheets, in order; build each with <see cref="Sheet"/>.</summary>
    public static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The rows of a sheet as MiniExcel writes them: the header from the keys of each row.</summary>
    public static List<Dictionary<string, object?>> Sheet(IReadOnlyList<string> header, IEnumerable<object?[]> rows) =>
        rows.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList();

    /// <summary>Reads <paramref name="bytes"/> as the app does, with the size the browser would report.</summary>
    public static Task<ScoreFileReadResult> ReadAsync(byte[] bytes, string fileName) =>
        ScoreFileReader.ReadAsync(new MemoryStream(bytes), fileName, bytes.LongLength, Xunit.TestContext.Current.CancellationToken);

    private static string Quote(string cell, char separator) =>
        cell.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
