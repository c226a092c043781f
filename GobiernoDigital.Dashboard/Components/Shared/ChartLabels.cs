using System.Net;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>The texts a chart's SVG shows for a category.</summary>
public static class ChartLabels
{
    /// <summary>The most characters of a radar's axis label, its status mark included.</summary>
    /// <remarks>
    /// The labels of the sides of a radar run outwards into the room app.css reserves beside the plot (<c>.radar--vigencia</c>):
    /// 22 characters of the axis font fit in it, so no label is cut. A longer label is shortened with «…»; the full name is in
    /// the table of categories and in the chart's list (shown instead of the chart on a phone).
    /// </remarks>
    public const int RadarAxisMaxLength = 22;

    /// <summary>
    /// A category's radar axis label: its short label, marked «(n. a.)» or «(s. m.)» when it has no score (it is drawn at the
    /// centre), shortened to <see cref="RadarAxisMaxLength"/> characters.
    /// </summary>
    public static string RadarAxis(CategoryResult category)
    {
        var mark = category.Score.Status switch
        {
            ScoreStatus.NotApplicable => " (n. a.)",
            ScoreStatus.NotMeasured => " (s. m.)",
            _ => string.Empty,
        };
        var label = category.Category.ShortLabel.Trim();
        var room = RadarAxisMaxLength - mark.Length;
        if (label.Length > room)
        {
            label = label[..(room - 1)].TrimEnd() + "…";
        }

        return label + mark;
    }

    /// <summary>A category's label on the x axis of a bar chart, HTML-encoded.</summary>
    /// <remarks>
    /// MudBlazor 9 writes the x-axis labels of its bar charts into the SVG as markup, unencoded (its radar encodes them): a
    /// short label an editor typed as <c>&lt;img onerror=…&gt;</c> would become an element on every visitor's page. Encoded
    /// here, the browser shows the text as typed. ChartMarkupTests checks both halves on the rendered chart.
    /// </remarks>
    public static string BarAxis(string label) => WebUtility.HtmlEncode(label);
}
