using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Dashboard.Components.Pages.Plan;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ActionDetailTests : ActionDialogTestContext
{
    private const string Link = "https://concejocartago.gov.co/innovacion";

    [Fact]
    public void Render_Anonymous_TheActionWithItsCategoryStatusAndDatesAndNoEditing()
    {
        var cut = RenderAction(ColaboracionActionId());

        Assert.Equal("Acción de mejora", cut.Find("h1").TextContent.Trim());
        Assert.Contains("TIC para Gobierno Abierto · Colaboración · Hallazgo 1 · Plan TI.PL03 versión 1 (vigente)", Normalized(cut.Find("[data-testid=contexto-accion]")), StringComparison.Ordinal);
        Assert.Equal("No iniciada", cut.Find("[data-testid=estado-accion]").TextContent.Trim());
        Assert.Equal("0 %", cut.Find("[data-testid=avance-accion]").TextContent.Trim());
        Assert.Equal("del 01/08/2024 al 31/12/2027", cut.Find("[data-testid=fechas-accion]").TextContent.Trim());
        Assert.Equal("Sin asignar", cut.Find("[data-testid=responsable-accion]").TextContent.Trim());
        Assert.Equal("Sin estimar", cut.Find("[data-testid=puntos-accion]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=acciones-editor]"));
        var crumbs = cut.FindAll(".mud-breadcrumbs a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(("Plan de mejoramiento", "/plan"), crumbs[0]);
        Assert.Equal(("Colaboración", $"/categorias/{CategoryId("Colaboración")}"), crumbs[1]);
    }

    [Fact]
    public void Render_Editor_OffersEditFollowUpCloseAndEvidence()
    {
        SignInAsEditor();

        var cut = RenderAction(ColaboracionActionId());

        var buttons = cut.Find("[data-testid=acciones-editor]").QuerySelectorAll("button").Select(b => b.TextContent.Trim());
        Assert.Equal(["Editar", "Registrar seguimiento", "Cerrar con evidencia", "Agregar evidencia"], buttons);
    }

    [Fact]
    public void CloseWithEvidence_Editor_PageShowsCompletadaAndTheLinkOpensSafely()
    {
        SignInAsEditor();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAction(ColaboracionActionId());

        cut.Find("[data-testid=cerrar-accion]").Click();
        dialogs.WaitForElement("input[data-testid=campo-enlace]").Change(Link);
        dialogs.Find("[data-testid=confirmar-cierre]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Completada", cut.Find("[data-testid=estado-accion]").TextContent.Trim()));
        Assert.Equal("La acción quedó completada con su evidencia.", cut.Find("[data-testid=resultado-accion]").TextContent.Trim());
        Assert.Equal("100 %", cut.Find("[data-testid=avance-accion]").TextContent.Trim());
        Assert.Equal("10/03/2026", cut.Find("[data-testid=completada-el]").TextContent.Trim());
        var link = cut.Find("[data-testid=evidencia] a");
        Assert.Equal((Link, Link, "_blank", "noopener noreferrer"), (link.TextContent, link.GetAttribute("href"), link.GetAttribute("target"), link.GetAttribute("rel")));
        Assert.Contains("Registró: Martha Saldaña", cut.Find("[data-testid=evidencia]").TextContent, StringComparison.Ordinal);
        // A completed action is reopened, not followed up or closed again.
        var buttons = cut.Find("[data-testid=acciones-editor]").QuerySelectorAll("button").Select(b => b.TextContent.Trim());
        Assert.Equal(["Editar", "Reabrir", "Agregar evidencia"], buttons);
    }

    [Fact]
    public async Task Render_NoteWithMarkup_ShownAsTextNeverAsHtml()
    {
        var id = ColaboracionActionId();
        await Actions.AddEvidenceAsync(id, 0, new EvidenceFormModel { Date = new DateTime(2026, 3, 1), Note = "<b>negrita</b><script>alert(1)</script>" }, Ct);

        var cut = RenderAction(id);

        var evidence = cut.Find("[data-testid=evidencia]");
        Assert.Empty(evidence.QuerySelectorAll("b, script"));
        Assert.Contains("<b>negrita</b><script>alert(1)</script>", evidence.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ActionOfASupersededVersion_ReadOnlyEvenForEditors()
    {
        var id = ColaboracionActionId();
        var versions = Services.GetRequiredService<PlanVersionService>();
        Assert.True((await versions.ReIssueAsync(PlanVersionServiceTests.ReIssueForm((await versions.ListAsync(Ct)).Single()), Ct)).Succeeded);
        SignInAsEditor();

        var cut = RenderAction(id);

        Assert.Contains("reemplazada por la versión 2", cut.Find("[data-testid=version-reemplazada]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=acciones-editor]"));
        Assert.Contains("Plan TI.PL03 versión 1 (reemplazada)", Normalized(cut.Find("[data-testid=contexto-accion]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_UnknownId_CallsNotFoundInsteadOfThrowing()
    {
        var notFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Navigation.OnNotFound += (_, _) => notFound.TrySetResult();

        var cut = Render<ActionDetail>(p => p.Add(c => c.Id, 999_999));

        await notFound.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Empty(cut.FindAll("h1"));
    }

    private IRenderedComponent<ActionDetail> RenderAction(int id)
    {
        var cut = Render<ActionDetail>(p => p.Add(c => c.Id, id));
        cut.WaitForElement("[data-testid=estado-accion]");
        return cut;
    }

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
