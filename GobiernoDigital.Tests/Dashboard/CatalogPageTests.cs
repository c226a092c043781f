using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Components.Pages.Catalog;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>The catalog page over the real <see cref="CatalogService"/> and a seeded database of each test's own.</summary>
public sealed class CatalogPageTests : DashboardTestContext
{
    private FakeCurrentUser _user = FakeCurrentUser.InRole(Roles.Editor, "asesor");

    public CatalogPageTests()
    {
        Services.AddScoped(_ => new CatalogService(Database, TestAuthorization.Guard(_user), TimeProvider.System));
    }

    [Fact]
    public void Render_Seed_ListsEachComponentWithItsCategoriesLabelsWeightsAndScores()
    {
        var cut = RenderPage();

        Assert.Equal(
            ["TIC para Gobierno Abierto", "TIC para Servicios", "TIC para la Gestión", "Seguridad y Privacidad de la Información"],
            cut.FindAll("[data-testid=componente-nombre]").Select(h => h.TextContent.Trim()));
        var resultado = Row(cut, "Componente TIC para Gobierno abierto");
        Assert.Equal("Res. Gobierno abierto", Cell(resultado, "categoria-etiqueta"));
        Assert.Equal("1,0", Cell(resultado, "categoria-peso"));
        Assert.Equal("Siempre", Cell(resultado, "categoria-vigencias"));
        Assert.Equal("1 puntaje", Cell(resultado, "categoria-puntajes"));
        Assert.NotNull(cut.Find("button[aria-label='Subir Transparencia']"));
        Assert.True(cut.Find("button[aria-label='Subir Transparencia']").HasAttribute("disabled"));
    }

    [Fact]
    public void MoveButtons_BajarThenSubir_ChangeTheOrderShown()
    {
        var cut = RenderPage();

        cut.Find("button[aria-label='Bajar Transparencia']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Colaboración", "Transparencia", "Componente TIC para Gobierno abierto"], CategoryNames(cut, 0)));
        Assert.Equal("Se movió «Transparencia» un lugar abajo.", Message(cut));

        cut.Find("button[aria-label='Subir Componente TIC para Gobierno abierto']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Colaboración", "Componente TIC para Gobierno abierto", "Transparencia"], CategoryNames(cut, 0)));
    }

    [Fact]
    public void MoveComponent_Subir_MovesTheWholeSection()
    {
        var cut = RenderPage();

        cut.Find("button[aria-label='Subir el componente TIC para Servicios']").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "TIC para Servicios",
            cut.FindAll("[data-testid=componente-nombre]")[0].TextContent.Trim()));
        Assert.Equal(["Servicios centrados en el usuario", "Trámites y servicios en línea", "TIC para Servicios"], CategoryNames(cut, 0));
    }

    [Fact]
    public async Task Delete_CategoryWithScores_ShowsItCanOnlyBeRetiredAndKeepsIt()
    {
        var cut = RenderPage();
        var before = await Database.ContentHashAsync();

        cut.Find("button[aria-label='Eliminar Transparencia']").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "«Transparencia» tiene puntajes en 2023 y 1 hallazgo del plan de mejoramiento: no se puede eliminar, solo retirar desde una vigencia; su historial se conserva.",
            Message(cut)));
        Assert.Equal("alert", cut.Find("[data-testid=resultado-catalogo]").GetAttribute("role"));
        Assert.Contains("Transparencia", CategoryNames(cut, 0));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task MoveButton_Lector_ShowsTheRefusalAndTheOrderStays()
    {
        _user = FakeCurrentUser.InRole(Roles.Lector, "lectora");
        var cut = RenderPage();
        var before = await Database.ContentHashAsync();

        cut.Find("button[aria-label='Bajar Transparencia']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", Message(cut)));
        Assert.Equal(["Transparencia", "Colaboración", "Componente TIC para Gobierno abierto"], CategoryNames(cut, 0));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public void AddComponent_NameOfAnExistingOneWithoutAccents_DialogShowsWhyThenAddsAnotherName()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        cut.Find("[data-testid=agregar-componente]").Click();
        dialogs.WaitForElement("input[data-testid=campo-componente]").Input("tic para la gestion");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Ya existe el componente «TIC para la Gestión»: los nombres se comparan sin tildes, mayúsculas ni espacios de más.",
            dialogs.Find("[data-testid=error-dialogo]").TextContent.Trim()));

        dialogs.Find("input[data-testid=campo-componente]").Input("Gobernanza");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        cut.WaitForAssertion(() => Assert.Equal("Gobernanza", cut.FindAll("[data-testid=componente-nombre]")[^1].TextContent.Trim()));
        Assert.Equal("Se agregó el componente «Gobernanza».", Message(cut));
    }

    [Fact]
    public void EditCategory_InvalidWeight_MessageNextToTheFieldThenSavesTheValidOne()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var cut = RenderPage();

        cut.Find("button[aria-label='Editar Transparencia']").Click();
        var weight = dialogs.WaitForElement("input[data-testid=campo-peso]");
        Assert.Equal("1,0", weight.GetAttribute("value"));
        weight.Change("0");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            CategoryFormValidator.WeightOutOfRange,
            dialogs.Find("input[data-testid=campo-peso]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));

        dialogs.Find("input[data-testid=campo-peso]").Change("2.5");
        dialogs.Find("input[data-testid=campo-etiqueta]").Input("Transparencia activa");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        cut.WaitForAssertion(() => Assert.Equal("2,5", Cell(Row(cut, "Transparencia"), "categoria-peso")));
        Assert.Equal("Transparencia activa", Cell(Row(cut, "Transparencia"), "categoria-etiqueta"));
        Assert.Equal("Se guardaron los cambios de «Transparencia».", Message(cut));
    }

    [Fact]
    public void EditCategory_RenamedKeepingTheShortLabel_WarnsThatTheChartsKeepTheOldLabelUntilItIsChanged()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var cut = RenderPage();
        cut.Find("button[aria-label='Editar Transparencia']").Click();
        var name = dialogs.WaitForElement("input[data-testid=campo-nombre-categoria]");
        Assert.Contains("etiqueta corta", name.Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=aviso-etiqueta]"));

        name.Input("Transparencia y acceso a la información");

        var warning = dialogs.WaitForElement("[data-testid=aviso-etiqueta]");
        var label = dialogs.Find("input[data-testid=campo-etiqueta]").GetAttribute("value");
        Assert.Contains($"seguirán mostrando la etiqueta corta «{label}»", warning.TextContent, StringComparison.Ordinal);

        dialogs.Find("input[data-testid=campo-etiqueta]").Input("Transparencia y acceso");

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=aviso-etiqueta]")));
    }

    [Fact]
    public void Retire_VigenciaOfItsScoreThenALaterOne_RefusedInTheDialogThenRetired()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        cut.Find("button[aria-label='Retirar Transparencia']").Click();
        dialogs.WaitForElement("input[data-testid=campo-vigencia-retiro]").Change("2023");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "No se puede retirar «Transparencia» desde 2023: tiene puntajes en 2023. Elija una vigencia posterior a 2023.",
            dialogs.Find("[data-testid=error-dialogo]").TextContent.Trim()));

        dialogs.Find("input[data-testid=campo-vigencia-retiro]").Change("2024");
        dialogs.Find("[data-testid=guardar-dialogo]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Hasta 2023 (retirada desde 2024)", Cell(Row(cut, "Transparencia"), "categoria-vigencias")));
        Assert.NotNull(cut.Find("button[aria-label='Reincorporar Transparencia']"));

        cut.Find("button[aria-label='Reincorporar Transparencia']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Siempre", Cell(Row(cut, "Transparencia"), "categoria-vigencias")));
    }

    [Fact]
    public void Delete_NewCategoryWithoutScores_AsksAndRemovesIt()
    {
        using (var db = Database.CreateDbContext())
        {
            var servicios = db.Components.Include(c => c.Categories).Single(c => c.Name == "TIC para Servicios");
            _ = new Category("Gobernanza", "Gobernanza", CategoryKind.Proceso, servicios, displayOrder: 99);
            db.SaveChanges();
        }

        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        cut.Find("button[aria-label='Eliminar Gobernanza']").Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Eliminar").Click();

        cut.WaitForAssertion(() => Assert.Equal("Se eliminó la categoría «Gobernanza».", Message(cut)));
        Assert.DoesNotContain("Gobernanza", CategoryNames(cut, 1));
    }

    private IRenderedComponent<CatalogPage> RenderPage()
    {
        var cut = Render<CatalogPage>();
        cut.WaitForElement("[data-testid=componente]");
        return cut;
    }

    private static IReadOnlyList<string> CategoryNames(IRenderedComponent<CatalogPage> cut, int componentIndex) =>
        cut.FindAll("[data-testid=componente]")[componentIndex]
            .QuerySelectorAll("[data-testid=categoria-nombre]").Select(c => c.TextContent.Trim()).ToList();

    private static IElement Row(IRenderedComponent<CatalogPage> cut, string name) =>
        cut.FindAll("tr[data-testid=categoria]").Single(r => r.QuerySelector("[data-testid=categoria-nombre]")!.TextContent.Trim() == name);

    private static string Cell(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static string Message(IRenderedComponent<CatalogPage> cut) => cut.Find("[data-testid=resultado-catalogo]").TextContent.Trim();
}
