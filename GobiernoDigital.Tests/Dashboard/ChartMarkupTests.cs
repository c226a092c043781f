using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>A category's short label typed as markup reaches every chart as text: no element, and the text as typed.</summary>
public sealed class ChartMarkupTests : DashboardTestContext
{
    private static VigenciaReport HostileReport() => ComplianceCalculator.Build(new VigenciaInput(2023,
    [
        new CategoryInput(1, HostileText.Image, HostileText.ShortLabel, CategoryKind.Proceso, 1, HostileText.SvgBreakout, 1m, Score.Measured(40m)),
        new CategoryInput(2, "Colaboración", "Colab & co", CategoryKind.Proceso, 1, HostileText.SvgBreakout, 1m, Score.Measured(62.5m)),
        new CategoryInput(3, "Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, 2, "Gestión", 1m, Score.Measured(10m)),
    ]));

    [Fact]
    public void GapChart_HostileShortLabel_IsTextOnTheAxisNotAnElement()
    {
        var cut = Render<GapChart>(p => p.Add(c => c.Report, HostileReport()));

        AssertNoInjectedElement(cut);
        var labels = cut.FindAll("g.mud-charts-xaxis text").Select(t => t.TextContent).ToList();
        Assert.Contains(HostileText.ShortLabel, labels);
        Assert.Contains("Colab & co", labels);
    }

    [Fact]
    public void CategoryRadar_HostileShortLabel_IsTextOnTheAxisNotAnElement()
    {
        var cut = Render<CategoryRadar>(p => p.Add(c => c.Report, HostileReport()));
        AssertNoInjectedElement(cut);
        var labels = cut.FindAll("text.mud-chart-axis-label").Select(t => t.TextContent).ToList();
        Assert.Contains(HostileText.ShortLabel, labels);
        Assert.Contains("Colab & co", labels);
    }

    [Fact]
    public void SimulationRadar_HostileShortLabel_IsTextOnTheAxisNotAnElement()
    {
        var report = HostileReport();
        var cut = Render<SimulationRadar>(p => p.Add(c => c.Measured, report).Add(c => c.Simulated, report));

        AssertNoInjectedElement(cut);
        Assert.Contains(HostileText.ShortLabel, cut.FindAll("text.mud-chart-axis-label").Select(t => t.TextContent));
    }

    private static void AssertNoInjectedElement<T>(IRenderedComponent<T> cut)
        where T : IComponent
    {
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("svg svg"));
        Assert.Empty(cut.FindAll("[onload], [onerror]"));
        Assert.All(HostileText.RawMarkup, raw => Assert.DoesNotContain(raw, cut.Markup, StringComparison.OrdinalIgnoreCase));
    }
}
