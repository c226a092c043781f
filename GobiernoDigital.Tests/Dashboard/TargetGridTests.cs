using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Components.Pages.Targets;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>The metas grid over the real <see cref="TargetService"/> and a seeded database of each test's own (vigencia 2023, no metas).</summary>
public sealed class TargetGridTests : DashboardTestContext
{
    private FakeCurrentUser _user = FakeCurrentUser.InRole(Roles.Editor, "asesor");

    public TargetGridTests()
    {
        Services.AddScoped(_ => new TargetService(Database, TestAuthorization.Guard(_user), TimeProvider.System));
    }

    [Fact]
    public void Render_Seed_OneLabelledCellPerCategoryAndVigenciaWithTheDefaultMeta()
    {
        using (var db = Database.CreateDbContext())
        {
            db.Categories.Single(c => c.Name == "Colaboración").Retire(2026);
            db.SaveChanges();
        }

        var cut = RenderPage();

        Assert.Equal(["Categoría", "2023", "2024", "2025", "2026", "2027"], cut.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(17, cut.FindAll("[data-testid=fila-metas]").Count);
        var cell = Input(cut, "Meta de Transparencia en 2025");
        Assert.Equal("100,0", cell.GetAttribute("value"));
        Assert.Contains("Por defecto", Control(cell).TextContent, StringComparison.Ordinal);
        // A retired category reads «Retirada» and since when, not the score state «No aplica».
        var retired = Input(cut, "Meta de Colaboración en 2026: retirada (desde 2026)");
        Assert.Equal("Retirada", retired.GetAttribute("value"));
        Assert.Contains("desde 2026", Control(retired).TextContent, StringComparison.Ordinal);
        Assert.True(retired.HasAttribute("disabled"));
        Assert.DoesNotContain("no aplica", cut.Find("table").TextContent + string.Join(" ", cut.FindAll("input").Select(i => i.GetAttribute("value"))), StringComparison.OrdinalIgnoreCase);
        Assert.True(cut.Find("[data-testid=guardar-metas]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_CategoryAddedLater_ItsEarlierCellsSaySoInsteadOfNoAplica()
    {
        using (var db = Database.CreateDbContext())
        {
            db.Categories.Single(c => c.Name == "Colaboración").SetApplicability(2025, null);
            db.SaveChanges();
        }

        var cut = RenderPage();

        var before = Input(cut, "Meta de Colaboración en 2024: aún no existía (existe desde 2025)");
        Assert.Equal("Aún no existía", before.GetAttribute("value"));
        Assert.Equal("100,0", Input(cut, "Meta de Colaboración en 2025").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_OneInvalidCell_MessageNextToThatCellAndNothingSaved()
    {
        var cut = RenderPage();
        var before = await Database.ContentHashAsync();

        Input(cut, "Meta de Transparencia en 2024").Change("85,5");
        Input(cut, "Meta de Colaboración en 2024").Change("45,55");

        // Checked as typed: the message is next to the cell before saving.
        cut.WaitForAssertion(() => Assert.Contains(
            ValidationRules.TargetTooManyDecimals, Control(Input(cut, "Meta de Colaboración en 2024")).TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=guardar-metas]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Una meta tiene un error (vea el mensaje junto a la celda). No se guardó ningún cambio.",
            cut.Find("[data-testid=resultado-metas]").TextContent.Trim()));
        Assert.Contains(ValidationRules.TargetTooManyDecimals, Control(Input(cut, "Meta de Colaboración en 2024")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidationRules.TargetTooManyDecimals, Control(Input(cut, "Meta de Transparencia en 2024")).TextContent, StringComparison.Ordinal);
        // The editor's text stays, to be corrected.
        Assert.Equal("85,5", Input(cut, "Meta de Transparencia en 2024").GetAttribute("value"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task Save_TwoValidCells_HighlightsThemThenSavesBothAndSaysHowMany()
    {
        var cut = RenderPage();

        Input(cut, "Meta de Transparencia en 2024").Change("85,5");
        Input(cut, "Meta de Colaboración en 2025").Change("70.5");

        cut.WaitForAssertion(() => Assert.Equal("2 metas cambiadas sin guardar.", cut.Find("[data-testid=metas-cambiadas]").TextContent.Trim()));
        Assert.Equal(2, cut.FindAll("td.target-changed").Count);
        Assert.Contains("Antes: 100,0", Control(Input(cut, "Meta de Transparencia en 2024")).TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=guardar-metas]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Se guardaron 2 metas.", cut.Find("[data-testid=resultado-metas]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("td.target-changed"));
        Assert.Equal("70,5", Input(cut, "Meta de Colaboración en 2025").GetAttribute("value"));
        Assert.DoesNotContain("Por defecto", Control(Input(cut, "Meta de Colaboración en 2025")).TextContent, StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var values = await db.Targets.OrderBy(t => t.Value).Select(t => t.Value).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal([70.5m, 85.5m], values);
    }

    [Fact]
    public void Discard_AfterChanges_PutsBackTheMetasAndClearsTheMessages()
    {
        var cut = RenderPage();
        Input(cut, "Meta de Transparencia en 2024").Change("abc");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("td.target-invalid")));

        cut.Find("[data-testid=descartar-metas]").Click();

        cut.WaitForAssertion(() => Assert.Equal("100,0", Input(cut, "Meta de Transparencia en 2024").GetAttribute("value")));
        Assert.DoesNotContain(ValidationRules.TargetNotANumber, cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Sin cambios por guardar.", cut.Find("[data-testid=metas-cambiadas]").TextContent.Trim());
    }

    [Fact]
    public async Task Save_Lector_ShowsTheRefusalAndNothingSaved()
    {
        _user = FakeCurrentUser.InRole(Roles.Lector, "lectora");
        var cut = RenderPage();
        var before = await Database.ContentHashAsync();

        Input(cut, "Meta de Transparencia en 2024").Change("80");
        cut.Find("[data-testid=guardar-metas]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", cut.Find("[data-testid=resultado-metas]").TextContent.Trim()));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private IRenderedComponent<TargetGrid> RenderPage()
    {
        var cut = Render<TargetGrid>();
        cut.WaitForElement("[data-testid=tabla-metas]");
        return cut;
    }

    private static IElement Input(IRenderedComponent<TargetGrid> cut, string label) => cut.Find($"input[aria-label='{label}']");

    private static IElement Control(IElement input) => input.Closest(".mud-input-control")!;
}
