using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>
/// A Gantt-like timeline of actions: one bar per action from its start to its end date on an axis with a tick per
/// year, the status written beside each bar, and a vertical line at today.
/// </summary>
/// <remarks>
/// The axis runs from 1 January of the earliest start to 31 December of the latest end, widened to include today so
/// the line is always drawn. A date outside 2000–2100 (stored before the validators bounded dates) is drawn at the
/// bound, so one such action cannot stretch the axis over centuries or overflow it; its tooltip keeps the real dates.
/// Coordinates are SVG user units (the drawing scales to its container and scrolls when
/// taller than the screen).
/// </remarks>
public partial class ActionTimeline
{
    private const double Width = 1000;
    private const double LabelWidth = 360;
    private const double StatusX = LabelWidth + 8;
    private const double ChartLeft = 470;
    private const double ChartRight = Width - 12;
    private const double YearLabelY = 16;
    private const double TodayLabelY = 34;
    private const double AxisY = 42;
    private const double RowHeight = 26;
    private const double BarHeight = 16;
    private const double BottomMargin = 4;
    private const int LabelLength = 46;

    /// <summary>The actions to draw, in the order of the rows (normally the filtered table's order).</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PlanActionModel> Actions { get; set; } = [];

    /// <summary>Today in Colombia: where the vertical line goes.</summary>
    [Parameter, EditorRequired]
    public DateOnly Today { get; set; }

    private DateOnly AxisStart { get; set; }

    private DateOnly AxisEnd { get; set; }

    private double Height => AxisY + 4 + (Actions.Count * RowHeight) + BottomMargin;

    private IEnumerable<int> Years => Enumerable.Range(AxisStart.Year, AxisEnd.Year - AxisStart.Year);

    private string Summary
    {
        get
        {
            if (Actions.Count == 0)
            {
                return string.Empty;
            }

            var byStatus = Actions.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => Counted(g.Count(), g.Key));
            return $"Cronograma de {Counted(Actions.Count, "acción", "acciones")}, del {EsCo.Date(Actions.Min(a => a.StartDate))} " +
                   $"al {EsCo.Date(Actions.Max(a => a.EndDate))}: {string.Join(", ", byStatus)}. Hoy es {EsCo.Date(Today)}. " +
                   "La tabla de acciones tiene los mismos datos.";
        }
    }

    protected override void OnParametersSet()
    {
        if (Actions.Count == 0)
        {
            return;
        }

        var first = Drawn(Actions.Min(a => a.StartDate));
        var last = Drawn(Actions.Max(a => a.EndDate));
        first = Drawn(Today) < first ? Drawn(Today) : first;
        last = Drawn(Today) > last ? Drawn(Today) : last;
        AxisStart = new DateOnly(first.Year, 1, 1);
        AxisEnd = new DateOnly(last.Year + 1, 1, 1);
    }

    /// <summary>Invariant numbers for SVG attributes (the page's culture writes decimal commas).</summary>
    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double RowTop(int row) => AxisY + 4 + (row * RowHeight);

    private static string Label(PlanActionModel action)
    {
        var room = Math.Max(16, LabelLength - action.CategoryShortLabel.Length - 3);
        return $"{action.CategoryShortLabel} · {action.ShortDescription(room)}";
    }

    private static string Tooltip(PlanActionModel action) =>
        $"{action.CategoryName}: {action.ShortDescription(160)} — del {EsCo.Date(action.StartDate)} al {EsCo.Date(action.EndDate)}, " +
        $"{action.StatusText}, avance {action.Progress} %";

    private static string Counted(int count, ActionStatus status) => status switch
    {
        ActionStatus.NoIniciada => Counted(count, "no iniciada", "no iniciadas"),
        ActionStatus.EnCurso => $"{count} en curso",
        ActionStatus.Completada => Counted(count, "completada", "completadas"),
        ActionStatus.Cancelada => Counted(count, "cancelada", "canceladas"),
        _ => Counted(count, "vencida", "vencidas"),
    };

    private static string Counted(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>Where a date is drawn: within the app's date bounds.</summary>
    private static DateOnly Drawn(DateOnly date) => ValidationRules.ClampDate(date);

    private double X(DateOnly date)
    {
        var span = AxisEnd.DayNumber - AxisStart.DayNumber;
        return ChartLeft + ((ChartRight - ChartLeft) * (date.DayNumber - AxisStart.DayNumber) / span);
    }

    /// <summary>Keeps "Hoy dd/MM/yyyy" inside the drawing when today is near either edge.</summary>
    private static string TodayAnchor(double x) =>
        x < ChartLeft + 60 ? "start" : x > ChartRight - 60 ? "end" : "middle";
}
