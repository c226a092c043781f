using System.Globalization;
using System.Text;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Validation;

/// <summary>Reads the single "Puntaje" cell of an import file: a number, or the words of the two kinds of absence.</summary>
public static class ScoreCell
{
    /// <summary>
    /// The status and the number text of a cell: "No aplica" (or "N/A", "NA") is <see cref="ScoreStatus.NotApplicable"/>,
    /// "Sin medición" (accents and case ignored) is <see cref="ScoreStatus.NotMeasured"/>, anything else is a measured
    /// score whose text the validator checks, so an empty cell or "abc" get the form's own messages.
    /// </summary>
    public static (ScoreStatus Status, string? Text) Interpret(string? cell)
    {
        var key = Normalize(cell);
        return key switch
        {
            "no aplica" or "n/a" or "na" or "n.a." => (ScoreStatus.NotApplicable, null),
            "sin medicion" or "sin medir" => (ScoreStatus.NotMeasured, null),
            _ => (ScoreStatus.Measured, cell?.Trim()),
        };
    }

    /// <summary>Lower case, no accents, single spaces: "  Sin  Medición " → "sin medicion". Used to match names too.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
