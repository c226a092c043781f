using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Dashboard.Components.Shared;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ChangeTextTests : DashboardTestContext
{
    [Fact]
    public void Render_Rise_ShowsPlusSignAndSaysSube()
    {
        var cut = Render<ChangeText>(p => p.Add(c => c.Change, 5m));

        var change = cut.Find("span.change");
        Assert.Contains("change--up", change.ClassList);
        Assert.Equal("▲ +5,0 (sube)", Normalized(change));
        Assert.Equal("Subió 5,0 puntos frente a la vigencia anterior", change.GetAttribute("title"));
    }

    [Fact]
    public void Render_Fall_ShowsMinusSignAndSaysBaja()
    {
        var cut = Render<ChangeText>(p => p.Add(c => c.Change, -2.5m));

        var change = cut.Find("span.change");
        Assert.Contains("change--down", change.ClassList);
        // The minus is U+2212, as EsCo.SignedNumber writes it.
        Assert.Equal("▼ −2,5 (baja)", Normalized(change));
        Assert.Equal("Bajó 2,5 puntos frente a la vigencia anterior", change.GetAttribute("title"));
    }

    [Fact]
    public void Render_ChangeThatRoundsToZero_SaysSinCambio()
    {
        // 0,04 rounds to 0,0: neither up nor down.
        var cut = Render<ChangeText>(p => p.Add(c => c.Change, 0.04m));

        var change = cut.Find("span.change");
        Assert.Contains("change--flat", change.ClassList);
        Assert.Equal("■ 0,0 (sin cambio)", Normalized(change));
    }

    [Fact]
    public void Render_WithUnit_PutsTheUnitAfterTheNumber()
    {
        var cut = Render<ChangeText>(p => p
            .Add(c => c.Change, 12.35m)
            .Add(c => c.Unit, " puntos"));

        Assert.Equal("▲ +12,4 puntos (sube)", Normalized(cut.Find("span.change")));
    }

    [Fact]
    public void Render_Null_ShowsADashAndExplainsWhy()
    {
        var cut = Render<ChangeText>(p => p
            .Add(c => c.Change, (decimal?)null)
            .Add(c => c.EmptyTitle, "Sin puntaje medido en esta vigencia"));

        var change = cut.Find("span.change");
        Assert.Contains("change--none", change.ClassList);
        Assert.StartsWith("—", change.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sin puntaje medido en esta vigencia", change.GetAttribute("title"));
        Assert.DoesNotContain("0,0", change.TextContent, StringComparison.Ordinal);
    }

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
