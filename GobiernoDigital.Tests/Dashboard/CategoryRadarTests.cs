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

        Assert.Equal(["Puntaje 2023", "Meta 2023"], Legend(cut));
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

        Assert.Equal(["Puntaje 2023", "Meta 2023", "Grupo par 2023"], Legend(cut));
        Assert.Equal(3, cut.FindAll("path.mud-chart-serie").Count);
        Assert.Contains("con el promedio del grupo par de 2 categorías", cut.Find("[data-testid=resumen-radar]").TextContent, StringComparison.Ordinal);
    }

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

    /// <summary>Transparencia 52,3 (the entity is 12,3 points below), Gobierno de TI 48 (no score of its own).</summary>
    public static PeerComparison Peers() => new(new Dictionary<int, decimal> { [1] = 52.3m, [3] = 48m });

    public static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
