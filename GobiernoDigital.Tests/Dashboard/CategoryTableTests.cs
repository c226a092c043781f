using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Components.Pages.Overview;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class CategoryTableTests : DashboardTestContext
{
    [Fact]
    public void Render_WithoutPeerAverages_NoPeerColumns()
    {
        var cut = Render<CategoryTable>(p => p.Add(c => c.Report, PeerTestData.Report()).Add(c => c.Peers, PeerComparison.None));

        Assert.DoesNotContain(Headers(cut), h => h.Contains("grupo par", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(cut.FindAll("td[data-label='Grupo par']"));
        Assert.Empty(cut.FindAll("td[data-label='Frente al grupo par']"));
    }

    [Fact]
    public void Render_WithPeerAverages_ShowsTheAverageAndTheSignedDifferenceOrADash()
    {
        var cut = Render<CategoryTable>(p => p.Add(c => c.Report, PeerTestData.Report()).Add(c => c.Peers, PeerTestData.Peers()));

        Assert.Contains("Grupo par", Headers(cut));
        Assert.Contains("Frente al grupo par", Headers(cut));
        // Transparencia 40 against 52,3: 12,3 points below, with a true minus sign.
        var transparencia = Row(cut, "Transparencia");
        Assert.Equal("52,3", PeerTestData.Cell(transparencia, "Grupo par"));
        Assert.Equal("−12,3", PeerTestData.Cell(transparencia, "Frente al grupo par"));
        Assert.Equal("12,3 puntos por debajo del grupo par", transparencia.QuerySelector("td[data-label='Frente al grupo par'] span")!.GetAttribute("title"));
        // Colaboración has no peer average; Gobierno de TI has one but no score to compare.
        var colaboracion = Row(cut, "Colaboración");
        Assert.Equal(("—", "—"), (PeerTestData.Cell(colaboracion, "Grupo par"), PeerTestData.Cell(colaboracion, "Frente al grupo par")));
        var gobierno = Row(cut, "Gobierno de TI");
        Assert.Equal(("48,0", "—"), (PeerTestData.Cell(gobierno, "Grupo par"), PeerTestData.Cell(gobierno, "Frente al grupo par")));
    }

    [Fact]
    public void Render_ScoreAbovePeerAverage_PositiveSign()
    {
        var peers = new PeerComparison(new Dictionary<int, decimal> { [2] = 50m });

        var cut = Render<CategoryTable>(p => p.Add(c => c.Report, PeerTestData.Report()).Add(c => c.Peers, peers));

        Assert.Equal("+12,5", PeerTestData.Cell(Row(cut, "Colaboración"), "Frente al grupo par"));
    }

    private static List<string> Headers(IRenderedComponent<CategoryTable> cut) =>
        cut.FindAll("thead th").Select(h => h.TextContent.Trim()).ToList();

    private static IElement Row(IRenderedComponent<CategoryTable> cut, string name) =>
        cut.FindAll("tbody tr").Single(r => r.QuerySelector("a.category-link")?.TextContent.Trim() == name);
}
