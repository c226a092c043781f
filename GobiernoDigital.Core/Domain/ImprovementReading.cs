namespace GobiernoDigital.Core.Domain;

/// <summary>How the paragraphs of a «mejoras para implementar» cell read as actions (data/README.md, «Acciones del plan»).</summary>
/// <remarks>
/// A paragraph is an action unless it continues the one before it: it starts with «Descripción:» or «Acciones:»
/// (the two labels the plan uses under an improvement's heading), or it follows an «Acciones:» label of the same
/// action and does not open a new numbered item («2)», «2.»). A continuation joins its action's description on a new
/// line, so «Establecimiento de un Plan…», «Descripción: …», «Acciones:» and the steps listed after it are one action.
/// </remarks>
public static class ImprovementReading
{
    /// <summary>The labels that continue an improvement's heading.</summary>
    public static IReadOnlyList<string> ContinuationLabels { get; } = ["Descripción:", "Acciones:"];

    /// <summary>The actions' descriptions, in order, each with its continuation paragraphs on new lines.</summary>
    public static IReadOnlyList<string> Actions(IEnumerable<string> paragraphs)
    {
        var actions = new List<List<string>>();
        var inActionsList = false;
        foreach (var paragraph in paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var continues = actions.Count > 0
                && (ContinuationLabels.Any(l => paragraph.StartsWith(l, StringComparison.Ordinal)) || (inActionsList && !OpensNumberedItem(paragraph)));
            if (continues)
            {
                actions[^1].Add(paragraph);
            }
            else
            {
                actions.Add([paragraph]);
                inActionsList = false;
            }

            inActionsList |= paragraph.Contains("Acciones:", StringComparison.Ordinal);
        }

        return actions.Select(a => string.Join('\n', a)).ToList();
    }

    // «1)», «2.», «10)»: the plan's numbered improvements.
    private static bool OpensNumberedItem(string paragraph)
    {
        var digits = paragraph.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && paragraph.Length > digits && paragraph[digits] is ')' or '.';
    }
}
