using Bunit;
using GobiernoDigital.Dashboard.Components.Shared;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ParagraphListTests : DashboardTestContext
{
    [Fact]
    public void Render_TextWithMarkup_ShowsItAsLiteralText()
    {
        const string text = "Publicar <b>x</b> y <script>alert(1)</script> en el sitio";

        var cut = Render<ParagraphList>(p => p.Add(c => c.Paragraphs, [text]));

        var paragraph = cut.Find(".paragraph");
        Assert.Equal(text, paragraph.TextContent);
        Assert.Empty(paragraph.Children);
        Assert.Empty(cut.FindAll("b, script"));
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeveralParagraphs_KeepsEachOneAndTheirOrder()
    {
        var cut = Render<ParagraphList>(p => p.Add(c => c.Paragraphs, ["Primero.", "Segundo.", "Tercero."]));

        Assert.Equal(["Primero.", "Segundo.", "Tercero."], cut.FindAll(".paragraph").Select(e => e.TextContent));
    }

    [Fact]
    public void Render_NoParagraphs_ShowsTheEmptyText()
    {
        var cut = Render<ParagraphList>(p => p
            .Add(c => c.Paragraphs, [])
            .Add(c => c.EmptyText, "El plan no trae mejoras en esta fila."));

        Assert.Empty(cut.FindAll(".paragraph"));
        Assert.Equal("El plan no trae mejoras en esta fila.", cut.Find("em").TextContent);
    }
}
