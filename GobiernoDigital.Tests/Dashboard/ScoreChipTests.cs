using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Shared;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ScoreChipTests : DashboardTestContext
{
    [Fact]
    public void Render_Measured_ShowsTheNumberWithoutAChip()
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, Score.Measured(45.5m)));

        Assert.Equal("45,5", cut.Find("span.score-value").TextContent);
        Assert.Empty(cut.FindAll(".mud-chip"));
    }

    [Fact]
    public void Render_MeasuredZero_ShowsZeroNotAnAbsence()
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, Score.Measured(0m)));

        Assert.Equal("0,0", cut.Find("span.score-value").TextContent);
        Assert.Empty(cut.FindAll(".mud-chip"));
    }

    [Fact]
    public void Render_NotApplicable_ShowsTheNoAplicaChip()
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, Score.NotApplicable));

        var chip = cut.Find(".mud-chip.score-chip--na");
        Assert.Equal("No aplica", chip.TextContent.Trim());
        Assert.Contains("no cuenta en el porcentaje", chip.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".score-value, .score-chip--sm"));
    }

    [Fact]
    public void Render_NotMeasured_ShowsTheSinMedicionChip()
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, Score.NotMeasured));

        var chip = cut.Find(".mud-chip.score-chip--sm");
        Assert.Equal("Sin medición", chip.TextContent.Trim());
        Assert.Contains("no cuenta en el porcentaje", chip.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".score-value, .score-chip--na"));
    }
}
