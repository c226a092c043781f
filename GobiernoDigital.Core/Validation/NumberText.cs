using System.Globalization;

namespace GobiernoDigital.Core.Validation;

/// <summary>Reads numbers as people type them in Colombia or copy them from a spreadsheet: "45,5" or "45.5".</summary>
public static class NumberText
{
    /// <summary>
    /// The number in <paramref name="text"/>, with a comma or a point as the decimal separator; null when the text is
    /// empty or not a plain number ("abc", "1e9", "45,5,1").
    /// </summary>
    /// <remarks>Thousands separators and exponents are not accepted: a score or a meta never needs them.</remarks>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>True when <paramref name="value"/> has at most <paramref name="decimals"/> decimals.</summary>
    public static bool HasAtMostDecimals(decimal value, int decimals) => decimal.Round(value, decimals) == value;
}
