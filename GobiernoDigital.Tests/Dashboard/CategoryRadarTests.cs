using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Components.Shared;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class CategoryRadarTests : DashboardTestContext
{
    [Fact]
    public void Render_WithoutPeerAverages_OnlyScoreAndMetaSeries()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, PeerTestData.Report()));

        Assert.Equal(["Meta 2023", "Puntaje 2023"], Legend(cut));
        Assert.Equal(2, cut.FindAll("path.mud-chart-serie").Count);
        Assert.DoesNotContain("grupo par", cut.Find("[data-testid=resumen-radar]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyPeerComparison_NoPeerSeries()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, PeerTestData.Report()).Add(c => c.Peers, PeerComparison.None));

        Assert.DoesNotContain(Legend(cut), l => l.StartsWith("Grupo par", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WithPeerAverages_AddsTheGrupoParSeriesAndSaysSo()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, PeerTestData.Report()).Add(c => c.Peers, PeerTestData.Peers()));

        Assert.Equal(["Grupo par 2023", "Meta 2023", "Puntaje 2023"], Legend(cut));
        Assert.Equal(3, cut.FindAll("path.mud-chart-serie").Count);
        Assert.Contains("con el promedio del grupo par de 2 categorías", cut.Find("[data-testid=resumen-radar]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoVigencias_TheChosenVigenciasScoreIsDrawnLastOnTopOfThePreviousOne()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, PeerTestData.ReportWithPrevious()).Add(c => c.Peers, PeerTestData.Peers()));

        // SVG paints in document order: the last polygon lies on top of the others.
        Assert.Equal(["Puntaje 2022", "Grupo par 2023", "Meta 2023", "Puntaje 2023"], Legend(cut));
        var polygons = cut.FindAll("path.mud-chart-serie");
        Assert.Equal(4, polygons.Count);
        Assert.Equal(LegendColour(cut, "Puntaje 2023"), polygons[^1].GetAttribute("stroke"));
        Assert.Equal(LegendColour(cut, "Puntaje 2022"), polygons[0].GetAttribute("stroke"));

        // The last polygon is the chosen vigencia's scores (40 and 62,5; the unmeasured one at the centre), the first the
        // previous vigencia's (35 and 70): the same polygons as each vigencia's score drawn alone.
        Assert.Equal(ScorePolygonAlone(PeerTestData.Report()), polygons[^1].GetAttribute("d"));
        Assert.NotEqual(polygons[0].GetAttribute("d"), polygons[^1].GetAttribute("d"));
    }

    [Fact]
    public void Render_TwoVigencias_OnlyTheChosenVigenciaIsFilledAndThick()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, PeerTestData.ReportWithPrevious()));

        // The dominant style is app.css's, keyed on the figure's class and the series' order: every polygon is an outline
        // but the last one.
        Assert.Contains("radar--vigencia", cut.Find("figure").ClassList);
        Assert.All(cut.FindAll("path.mud-chart-serie"), p => Assert.Equal("0", p.GetAttribute("fill-opacity")));
        var css = File.ReadAllText(AppCss);
        Assert.Contains(".radar--vigencia path.mud-chart-serie:last-of-type { fill-opacity: .3; stroke-width: 3; }", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongShortLabel_IsShortenedOnTheAxisAndWhole_InTheList()
    {
        var report = ComplianceCalculator.Build(new VigenciaInput(2023,
        [
            new CategoryInput(1, "Trámites y servicios en línea", "Trámites y servicios web", CategoryKind.Proceso, 1, "Servicios", 1m, Score.NotApplicable),
            new CategoryInput(2, "Colaboración", "Colaboración", CategoryKind.Proceso, 1, "Servicios", 1m, Score.Measured(62.5m)),
            new CategoryInput(3, "Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, 2, "Gestión", 1m, Score.Measured(10m)),
        ]));

        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, report));

        var labels = cut.FindAll("text.mud-chart-axis-label").Select(t => t.TextContent).ToList();
        Assert.Equal(["Trámites y se… (n. a.)", "Colaboración", "Gobierno de TI"], labels);
        Assert.All(labels, l => Assert.True(l.Length <= ChartLabels.RadarAxisMaxLength, l));
        var list = cut.Find("[data-testid=lista-radar]").TextContent;
        Assert.Contains("Trámites y servicios en línea: no aplica (meta 100,0)", Normalize(list), StringComparison.Ordinal);
        Assert.Contains("Colaboración: 62,5 (meta 100,0)", Normalize(list), StringComparison.Ordinal);
    }

    private static string AppCss => Path.Combine(SolutionFolder(), "GobiernoDigital.Dashboard", "wwwroot", "app.css");

    private static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GobiernoDigital.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("GobiernoDigital.sln not found above the test binaries.");
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private string ScorePolygonAlone(VigenciaReport report) =>
        Render<CategoryRadar>(p => p.Add(c => c.Report, report)).FindAll("path.mud-chart-serie")[^1].GetAttribute("d")!;

    private static string? LegendColour(IRenderedComponent<CategoryRadar> cut, string name) =>
        cut.FindAll(".mud-chart-legend-item")
            .Single(i => i.TextContent.Trim() == name)
            .QuerySelector(".mud-chart-legend-marker")!.GetAttribute("style")!
            .Replace("background-color:", string.Empty, StringComparison.Ordinal).Trim();

    private static List<string> Legend(IRenderedComponent<CategoryRadar> cut) =>
        cut.FindAll(".mud-chart-legend-item").Select(i => i.TextContent.Trim()).ToList();
}

/// <summary>A vigencia of three categories, and a peer group with an average for two of them.</summary>
internal static class PeerTestData
{
    public static VigenciaReport Report() => ComplianceCalculator.Build(
        new VigenciaInput(2023,
        [
            new CategoryInput(1, "Transparencia", "Transparencia", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(40m)),
            new CategoryInput(2, "Colaboración", "Colaboración", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(62.5m)),
            new CategoryInput(3, "Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, 2, "Gestión", 1m, Score.NotMeasured),
        ]));

    /// <summary>The same vigencia with 2022 before it: Transparencia 35, Colaboración 70, Gobierno de TI not measured.</summary>
    public static VigenciaReport ReportWithPrevious() => ComplianceCalculator.Build(
        new VigenciaInput(2023,
        [
            new CategoryInput(1, "Transparencia", "Transparencia", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(40m)),
            new CategoryInput(2, "Colaboración", "Colaboración", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(62.5m)),
            new CategoryInput(3, "Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, 2, "Gestión", 1m, Score.NotMeasured),
        ]),
        new VigenciaInput(2022,
        [
            new CategoryInput(1, "Transparencia", "Transparencia", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(35m)),
            new CategoryInput(2, "Colaboración", "Colaboración", CategoryKind.Proceso, 1, "Gobierno Abierto", 1m, Score.Measured(70m)),
            new CategoryInput(3, "Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, 2, "Gestión", 1m, Score.NotMeasured),
        ]));

    /// <summary>Transparencia 52,3 (the entity is 12,3 points below), Gobierno de TI 48 (no score of its own).</summary>
    public static PeerComparison Peers() => new(new Dictionary<int, decimal> { [1] = 52.3m, [3] = 48m });

    public static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
