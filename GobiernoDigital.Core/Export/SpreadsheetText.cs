using System.Buffers;

namespace GobiernoDigital.Core.Export;

/// <summary>
/// Protection against formula injection (CSV or Excel injection, OWASP): a text cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return may be run as a formula by the spreadsheet that opens the
/// file (<c>=HYPERLINK(…)</c> in a category name or an observation). Every export writes such a text with a leading
/// apostrophe, so it is shown as text: <c>'=HYPERLINK(…)</c>.
/// </summary>
/// <remarks>
/// <para>Only text cells are prefixed. Numbers are written as numbers (xlsx) or as es-CO number text (csv) and never
/// are: a number cell cannot hold a formula, and no exported figure is negative.</para>
/// <para>The import calls <see cref="Restore"/> on every text cell, so a value goes through export → import unchanged.
/// A text that already starts with apostrophes before one of those characters (<c>'=x</c>) gets one more, so
/// <see cref="Restore"/> is the exact inverse of <see cref="Neutralize"/>.</para>
/// </remarks>
public static class SpreadsheetText
{
    /// <summary>The prefix that makes a spreadsheet show the cell as text.</summary>
    public const char Escape = '\'';

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>True when a spreadsheet could take <paramref name="text"/> for a formula (or it already looks escaped).</summary>
    public static bool NeedsEscape(string? text) =>
        !string.IsNullOrEmpty(text) && text.AsSpan().TrimStart(Escape) is [var first, ..] && FormulaStarts.Contains(first);

    /// <summary>The text to write in a cell: with a leading apostrophe when it <see cref="NeedsEscape"/>, else as it is.</summary>
    public static string? Neutralize(string? text) => NeedsEscape(text) ? Escape + text : text;

    /// <summary>The inverse of <see cref="Neutralize"/>, for import: drops the apostrophe an export added.</summary>
    public static string? Restore(string? text) =>
        text is [Escape, ..] && NeedsEscape(text[1..]) ? text[1..] : text;
}
