using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Measurements;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>The list of measurements over the real <see cref="MeasurementService"/> and a seeded database of each test's own.</summary>
public sealed class MeasurementListTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public MeasurementListTests()
    {
        Services.AddScoped(_ => new MeasurementService(
            Database, TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Editor, "asesor")), new FixedTimeProvider(Now)));
    }

    [Fact]
    public void Render_Visitor_ListsVigencia2023WithItsFigureAndALinkToItsOverviewButNoEditing()
    {
        var cut = RenderList();

        var row = Assert.Single(cut.FindAll("[data-testid=tabla-mediciones] tbody tr"));
        Assert.Equal("/?vigencia=2023", row.QuerySelector("[data-testid=medicion-vigencia] a")!.GetAttribute("href"));
        Assert.Equal("2023", Cell(row, "Vigencia"));
        Assert.Equal("—", Cell(row, "Fecha"));
        Assert.Equal("Resultado oficial FURAG", Cell(row, "Fuente"));
        Assert.Equal("No registrado", Cell(row, "Índice oficial"));
        Assert.Equal("40,0 %", Cell(row, "Porcentaje de Cumplimiento"));
        Assert.Equal("16 de 17 categorías medidas (1 sin medición)", Cell(row, "Cobertura"));
        Assert.Empty(cut.FindAll("[data-testid=nueva-medicion]"));
        Assert.Empty(cut.FindAll("[data-testid=editar-medicion]"));
        Assert.Empty(cut.FindAll("[data-testid=eliminar-medicion]"));
        Assert.Equal(
            ["/exportar/puntajes.xlsx", "/exportar/puntajes.csv"],
            cut.FindAll("[data-testid=acciones-exportar] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            ["/exportar/puntajes.xlsx?vigencia=2023", "/exportar/puntajes.csv?vigencia=2023"],
            row.QuerySelectorAll("[data-testid=medicion-descargar] a").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=importar]"));
    }

    [Fact]
    public void Render_Editor_OffersNewEditAndDelete()
    {
        SignInAsEditor();

        var cut = RenderList();

        Assert.Equal("/mediciones/nueva", cut.Find("[data-testid=nueva-medicion]").GetAttribute("href"));
        Assert.Equal("/mediciones/2023/editar", cut.Find("[data-testid=editar-medicion]").GetAttribute("href"));
        Assert.Equal("Eliminar la medición de 2023", cut.Find("[data-testid=eliminar-medicion]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Delete_Confirmed_NamesTheVigenciaAndItsScoresThenSaysItIsGone()
    {
        SignInAsEditor();
        var scoreCount = ScoreCount();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderList();

        cut.Find("[data-testid=eliminar-medicion]").Click();
        var dialog = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains($"Se eliminará la medición de la vigencia 2023 con sus {scoreCount} puntajes.", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Las metas de la vigencia se conservan.", dialog.TextContent, StringComparison.Ordinal);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Eliminar").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            $"Se eliminó la medición de la vigencia 2023 con sus {scoreCount} puntajes. Las metas se conservan.",
            cut.Find("[data-testid=resultado-mediciones]").TextContent.Trim()));
        Assert.Contains("Aún no hay mediciones registradas.", cut.Find("[data-testid=tabla-mediciones]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, ScoreCount());
    }

    [Fact]
    public async Task Delete_Cancelled_NothingChanges()
    {
        SignInAsEditor();
        var before = await Database.ContentHashAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderList();

        cut.Find("[data-testid=eliminar-medicion]").Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancelar").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Empty(cut.FindAll("[data-testid=resultado-mediciones]"));
        Assert.Single(cut.FindAll("[data-testid=tabla-mediciones] tbody tr"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private IRenderedComponent<MeasurementList> RenderList()
    {
        var cut = Render<MeasurementList>();
        cut.WaitForElement("[data-testid=tabla-mediciones]");
        return cut;
    }

    private void SignInAsEditor()
    {
        Auth.SetAuthorized("asesor");
        Auth.SetPolicies(Policies.EditarPuntajes);
    }

    private int ScoreCount()
    {
        using var db = Database.CreateDbContext();
        return db.Scores.Count();
    }

    private static string Cell(IElement row, string label) =>
        string.Join(' ', row.QuerySelector($"td[data-label='{label}']")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
