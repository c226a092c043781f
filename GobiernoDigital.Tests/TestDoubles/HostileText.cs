namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>Texts an adversary with an editor's account could store: each must reach every page as the same text, never as markup.</summary>
public static class HostileText
{
    /// <summary>An element with an event handler.</summary>
    public const string Image = "<img src=x onerror=alert(1)>";

    /// <summary>Breaks out of an attribute and opens an SVG element (charts are SVG).</summary>
    public const string SvgBreakout = "\"><svg onload=alert(1)>";

    /// <summary>A spreadsheet formula.</summary>
    public const string Formula = "=HYPERLINK(\"http://x\")";

    /// <summary>A template expression.</summary>
    public const string Template = "{{7*7}}";

    /// <summary>The markers that must never appear unencoded in HTML.</summary>
    public static IReadOnlyList<string> RawMarkup { get; } = ["<img src=x", "<svg onload"];

    /// <summary>A short label (at most 24 characters) that is an element with an event handler.</summary>
    public const string ShortLabel = "<svg onload=alert(1)>";
}
