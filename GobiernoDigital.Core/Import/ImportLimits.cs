using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// How much a scores file may hold once read, and the Spanish messages that refuse a file over a limit. The limits are
/// checked while reading (a workbook's parts before they are decompressed), so a small file cannot make the server
/// expand, store or loop over more than this.
/// </summary>
/// <remarks>
/// A real file has one row per category and vigencia (17 × a few years) and at most the ten columns the export writes;
/// the limits leave room for a catalog a hundred times larger.
/// </remarks>
public static class ImportLimits
{
    /// <summary>The most a workbook's parts may hold once decompressed, together: 20 MB.</summary>
    public const int MaxUncompressedBytes = 20 * 1024 * 1024;

    /// <summary>The most parts (files inside the zip) a workbook may have. Excel writes about a dozen.</summary>
    public const int MaxWorkbookParts = 100;

    /// <summary>The most distinct texts a workbook may hold (its shared strings).</summary>
    public const int MaxSharedStrings = 100_000;

    /// <summary>The most characters a workbook's distinct texts may hold together.</summary>
    public const int MaxSharedStringCharacters = 5_000_000;

    /// <summary>The most data rows read (the header is one more row).</summary>
    public const int MaxDataRows = 20_000;

    /// <summary>The most columns with data.</summary>
    public const int MaxColumns = 50;

    /// <summary>The most characters in one cell: the longest observation a score may have.</summary>
    public const int MaxCellLength = Validation.ValidationRules.ObservationMaxLength;

    /// <summary>The most characters of a cell quoted back in a message.</summary>
    public const int QuotedLength = 80;

    public static string WorkbookTooLarge { get; } =
        $"El libro de Excel es demasiado grande una vez descomprimido (el máximo es {MaxUncompressedBytes / (1024 * 1024)} MB, " +
        $"{MaxWorkbookParts} partes y {MaxSharedStrings.ToString("N0", EsCo.Culture)} textos distintos). " +
        "Copie solo la hoja de puntajes en un libro nuevo y guárdelo.";

    public static string TooManyRows { get; } =
        $"El archivo tiene más de {MaxDataRows.ToString("N0", EsCo.Culture)} filas de datos; divídalo en archivos más pequeños.";

    public static string TooManyColumns { get; } =
        $"El archivo tiene datos en más de {MaxColumns} columnas; la plantilla usa {ScoreColumns.All.Count}. Borre las columnas que sobran.";

    /// <summary>"La celda D5 tiene más de 2.000 caracteres…", or without the cell when it is not known (a workbook's shared text).</summary>
    public static string CellTooLong(string? cell) =>
        $"{(cell is null ? "Un texto del libro" : $"La celda {cell}")} tiene más de {MaxCellLength.ToString("N0", EsCo.Culture)} caracteres, " +
        "el máximo de una observación; acórtelo.";

    public const string Busy = "Hay otras importaciones en curso; intente en un momento.";

    /// <summary>
    /// A cell's text as quoted in a message: at most <see cref="QuotedLength"/> characters, «…» marking the cut, so a
    /// huge cell is never echoed back whole.
    /// </summary>
    public static string Quote(string text) =>
        text.Length <= QuotedLength ? text : text[..QuotedLength].TrimEnd() + "…";
}

/// <summary>A file exceeds one of <see cref="ImportLimits"/>; the message says which, in Spanish.</summary>
public sealed class ImportLimitException(string message) : Exception(message);
