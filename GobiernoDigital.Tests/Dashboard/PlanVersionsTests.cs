using Bunit;
using GobiernoDigital.Dashboard.Components.Pages.Plan;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class PlanVersionsTests : ActionDialogTestContext
{
    [Fact]
    public void Render_Anonymous_ListsVersion1AsCurrentWithoutTheForm()
    {
        var cut = Render<PlanVersions>();

        var row = cut.WaitForElement("[data-testid=version]");
        Assert.Equal("vigente", row.QuerySelector("[data-testid=estado-version]")!.TextContent.Trim());
        Assert.Equal("/exportar/plan.xlsx?version=1", row.QuerySelector("[data-testid=exportar-version]")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=emitir-version]"));
    }

    [Fact]
    public void ReIssue_EditorConfirms_Version2CurrentAndVersion1Replaced()
    {
        SignInAsEditor();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<PlanVersions>();

        cut.WaitForElement("input[data-testid=campo-acta]").Change("Acta No. 02 de 2026");
        Field(cut, "Elaboró (nombre)").QuerySelector("input")!.Change("Oficina de Sistemas");
        Field(cut, "Fecha de elaboración").QuerySelector("input")!.Change("10/02/2026");
        Field(cut, "Vigencia que atiende").QuerySelector("input")!.Change("2025");
        cut.Find("[data-testid=emitir-version]").Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Emitir la versión 2").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=version]").Count));
        Assert.Contains("Se emitió la versión 2 del plan TI.PL03", cut.Find("[data-testid=resultado-version]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["vigente", "reemplazada"], cut.FindAll("[data-testid=estado-version]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Emitir la versión 3", cut.Find("[data-testid=emitir-version]").TextContent, StringComparison.Ordinal);
        var newest = cut.FindAll("[data-testid=version]")[0].TextContent;
        Assert.Contains("Oficina de Sistemas", newest, StringComparison.Ordinal);
        Assert.Contains("10/02/2026", newest, StringComparison.Ordinal);
        Assert.Contains("2025", newest, StringComparison.Ordinal);
    }

    [Fact]
    public void ReIssue_FormOpened_WhoPreparedItAndTheVigenciaAreAskedNotProposed()
    {
        SignInAsEditor();
        Render<MudDialogProvider>();
        var cut = Render<PlanVersions>();

        cut.WaitForElement("[data-testid=emitir-version]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Escriba quién elaboró la nueva versión.", Field(cut, "Elaboró (nombre)").TextContent, StringComparison.Ordinal));
        Assert.Equal(string.Empty, Field(cut, "Elaboró (nombre)").QuerySelector("input")!.GetAttribute("value") ?? string.Empty);
        Assert.Contains("Elija la fecha en que se elaboró la nueva versión.", Field(cut, "Fecha de elaboración").TextContent, StringComparison.Ordinal);
        Assert.Contains("Escriba la vigencia", Field(cut, "Vigencia que atiende").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=version]"));
    }

    [Fact]
    public void ReIssue_WithoutAct_MessageNextToTheFieldAndNoConfirmation()
    {
        SignInAsEditor();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<PlanVersions>();

        cut.WaitForElement("[data-testid=emitir-version]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "Escriba el acta que aprueba la nueva versión",
            cut.Find("input[data-testid=campo-acta]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Single(cut.FindAll("[data-testid=version]"));
    }

    /// <summary>The form field (input, label and messages) whose label starts with <paramref name="label"/>.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<PlanVersions> cut, string label) =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(label, StringComparison.Ordinal) == true);
}
