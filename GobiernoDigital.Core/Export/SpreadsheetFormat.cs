namespace GobiernoDigital.Core.Export;

/// <summary>The file formats of exports and templates.</summary>
public enum SpreadsheetFormat
{
    /// <summary>An Excel workbook (<c>.xlsx</c>).</summary>
    Xlsx,

    /// <summary>Semicolon-separated text, as Excel in Colombia opens it (<c>.csv</c>).</summary>
    Csv,
}

/// <summary>File extension and content type of each <see cref="SpreadsheetFormat"/>.</summary>
public static class SpreadsheetFormats
{
    /// <summary>"xlsx" or "csv", without the dot.</summary>
    public static string Extension(this SpreadsheetFormat format) => format switch
    {
        SpreadsheetFormat.Xlsx => "xlsx",
        SpreadsheetFormat.Csv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The media type to send the file with.</summary>
    public static string ContentType(this SpreadsheetFormat format) => format switch
    {
        SpreadsheetFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SpreadsheetFormat.Csv => "text/csv; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

/// <summary>A file the app offers for download: an export or the import template.</summary>
public interface ISpreadsheetDocument
{
    /// <summary>The name to save the file as (e.g. <c>puntajes-2023.xlsx</c>).</summary>
    string FileName(SpreadsheetFormat format);

    /// <summary>Writes the file to <paramref name="stream"/>.</summary>
    void Write(Stream stream, SpreadsheetFormat format);
}
