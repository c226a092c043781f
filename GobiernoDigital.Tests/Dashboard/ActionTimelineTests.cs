using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ActionTimelineTests : DashboardTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Render_ThreeActions_OneBarEachFromStartToEndOnYearTicksWithTodaysLine()
    {
        var cut = RenderTimeline(
            [
                Action(1, new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31), ActionStatus.Completada),
                Action(2, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30), ActionStatus.Vencida),
                Action(3, new DateOnly(2026, 2, 1), new DateOnly(2027, 12, 31), ActionStatus.EnCurso),
            ],
            Today);

        var bars = Bars(cut);
        Assert.Equal(["1", "2", "3"], bars.Select(b => b.GetAttribute("data-action-id")));
        Assert.Equal(["2024", "2025", "2026", "2027"], cut.FindAll("line[data-year]").Select(l => l.GetAttribute("data-year")));

        // Action 1 ends on 31/12/2024 (inclusive): its bar ends where 2025's tick and action 2's bar begin.
        Assert.Equal(X(bars[1]), X(bars[0]) + Width(bars[0]), tolerance: 0.02); // attributes carry two decimals
        Assert.Equal(X(Tick(cut, 2025)), X(bars[1]), tolerance: 0.02);
        Assert.True(X(bars[2]) > X(bars[1]));

        var today = Number(cut.Find("line[data-testid=hoy]"), "x1");
        Assert.InRange(today, X(bars[2]), X(bars[2]) + Width(bars[2]));
        Assert.InRange(today, X(Tick(cut, 2026)), X(Tick(cut, 2027)));
        Assert.Equal("Hoy 23/11/2026", cut.Find(".timeline__today-label").TextContent.Trim());
    }

    [Fact]
    public void Render_Statuses_WrittenBesideEachBarNotOnlyColoured()
    {
        var cut = RenderTimeline(
            [
                Action(1, new DateOnly(2024, 8, 1), new DateOnly(2025, 12, 31), ActionStatus.Vencida),
                Action(2, new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31), ActionStatus.NoIniciada),
                Action(3, new DateOnly(2024, 8, 1), new DateOnly(2026, 1, 31), ActionStatus.Completada),
            ],
            Today);

        Assert.Equal(["Vencida", "No iniciada", "Completada"], cut.FindAll("text.timeline__status").Select(t => t.TextContent.Trim()));
        Assert.Equal(["vencida", "no-iniciada", "completada"], Bars(cut).Select(b => b.GetAttribute("data-status")));
        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(
            "Cronograma de 3 acciones, del 01/08/2024 al 31/12/2027: 1 no iniciada, 1 completada, 1 vencida. Hoy es 23/11/2026. " +
            "La tabla de acciones tiene los mismos datos.",
            svg.GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_FortyActions_OneRowEachWithoutOverlap()
    {
        var actions = Enumerable.Range(1, 40)
            .Select(i => Action(i, new DateOnly(2024, 8, 1).AddDays(i * 20), new DateOnly(2027, 12, 31), ActionStatus.NoIniciada))
            .ToList();

        var cut = RenderTimeline(actions, Today);

        var bars = Bars(cut);
        Assert.Equal(40, bars.Count);
        var tops = bars.Select(b => Number(b, "y")).ToList();
        var height = Number(bars[0], "height");
        Assert.All(tops.Zip(tops.Skip(1)), pair => Assert.True(pair.Second - pair.First >= height, "rows overlap"));
        var viewBoxHeight = double.Parse(cut.Find("svg").GetAttribute("viewBox")!.Split(' ')[3], CultureInfo.InvariantCulture);
        Assert.True(tops[^1] + height <= viewBoxHeight, "the last bar is cut off");
    }

    [Fact]
    public void Render_TodayAfterEveryEnd_AxisReachesTodaySoTheLineIsDrawn()
    {
        var cut = RenderTimeline([Action(1, new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31), ActionStatus.Vencida)], new DateOnly(2028, 1, 15));

        Assert.Equal(["2024", "2025", "2026", "2027", "2028"], cut.FindAll("line[data-year]").Select(l => l.GetAttribute("data-year")));
        var bar = Bars(cut)[0];
        Assert.True(Number(cut.Find("line[data-testid=hoy]"), "x1") > X(bar) + Width(bar));
    }

    [Fact]
    public void Render_NoActions_SaysSoAndDrawsNothing()
    {
        var cut = RenderTimeline([], Today);

        Assert.Equal("No hay acciones que dibujar con los filtros elegidos.", cut.Find("[data-testid=cronograma-vacio]").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void Render_EndDateStoredAs31December9999_RendersWithTheBarToTheEdgeOf2100AndTheRealDateInItsTooltip()
    {
        var cut = RenderTimeline(
            [
                Action(1, new DateOnly(2024, 8, 1), new DateOnly(9999, 12, 31), ActionStatus.NoIniciada),
                Action(2, new DateOnly(1, 1, 1), new DateOnly(2025, 12, 31), ActionStatus.Completada),
            ],
            Today);

        var bars = Bars(cut);
        Assert.Equal(2, bars.Count);
        var years = cut.FindAll("line[data-year]").Select(l => int.Parse(l.GetAttribute("data-year")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal((2000, 2100), (years.Min(), years.Max())); // the axis stops at the app's date bounds
        var right = Number(cut.Find("line.timeline__axis"), "x2");
        Assert.Equal(right, X(bars[0]) + Width(bars[0]), tolerance: 0.02); // ends at the axis, not beyond the drawing
        Assert.Equal(X(Tick(cut, 2000)), X(bars[1]), tolerance: 0.02);
        Assert.Contains("al 31/12/9999", bars[0].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    private static PlanActionModel Action(int id, DateOnly start, DateOnly end, ActionStatus status) => new(
        id, FindingId: 1, CategoryId: 1, "Transparencia", "Transparencia", ComponentId: 1, "TIC para Gobierno Abierto",
        $"Acción {id}", Responsible: null, start, end,
        StoredStatus: status == ActionStatus.Vencida ? ActionStatus.NoIniciada : status, status,
        Progress: status == ActionStatus.Completada ? 100 : 0, ExpectedPoints: null, CompletedOn: null, EvidenceCount: 0, IsDueSoon: false);

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private static double X(IElement element) => Number(element, element.LocalName == "line" ? "x1" : "x");

    private static double Width(IElement bar) => Number(bar, "width");

    private static IElement Tick(IRenderedComponent<ActionTimeline> cut, int year) => cut.Find($"line[data-year='{year}']");

    private static IReadOnlyList<IElement> Bars(IRenderedComponent<ActionTimeline> cut) => cut.FindAll("rect[data-action-id]");

    private IRenderedComponent<ActionTimeline> RenderTimeline(IReadOnlyList<PlanActionModel> actions, DateOnly today) =>
        Render<ActionTimeline>(p => p.Add(c => c.Actions, actions).Add(c => c.Today, today));
}
