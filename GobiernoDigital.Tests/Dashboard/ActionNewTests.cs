using Bunit;
using Microsoft.AspNetCore.Components;
using GobiernoDigital.Dashboard.Components.Pages.Plan;
using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ActionNewTests : ActionDialogTestContext
{
    [Fact]
    public async Task Create_FindingFromTheAddress_PreselectedWithItsDeadlineAndOpensTheNewAction()
    {
        SignInAsEditor();
        var colaboracion = (await Actions.GetFindingChoicesAsync(Ct)).Single(c => c.CategoryName == "Colaboración");
        var cut = RenderWithFinding(colaboracion.FindingId);
        cut.WaitForElement("[data-testid=crear-accion]");

        Assert.Equal("01/08/2024", cut.Find("[data-testid=campo-inicio] input, input[data-testid=campo-inicio]").GetAttribute("value"));
        Assert.Equal("31/12/2027", cut.Find("[data-testid=campo-fin] input, input[data-testid=campo-fin]").GetAttribute("value"));
        cut.Find("textarea[data-testid=campo-descripcion]").Change("Reto de innovación abierta con la universidad");
        cut.Find("[data-testid=crear-accion]").Click();

        cut.WaitForAssertion(() => Assert.Matches(@"/plan/acciones/\d+$", Navigation.Uri));
        var created = await Actions.GetAsync(int.Parse(Navigation.Uri.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal(("Colaboración", "Reto de innovación abierta con la universidad"), (created!.CategoryName, created.Description));
    }

    [Fact]
    public void Create_EmptyDescription_MessageNextToTheFieldAndNoNavigation()
    {
        SignInAsEditor();
        var cut = RenderWithFinding(FindingOf(ColaboracionActionId()));
        cut.WaitForElement("[data-testid=crear-accion]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            ActionFormValidator.DescriptionRequired,
            cut.Find("textarea[data-testid=campo-descripcion]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.DoesNotContain("/plan/acciones/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoAplicaFindingInTheAddress_SaysItTakesNoActions()
    {
        SignInAsEditor();
        int noAplica;
        using (var db = Database.CreateDbContext())
        {
            noAplica = db.Findings.Where(f => f.ImprovementsNotApplicable).Select(f => f.Id).First();
        }

        var cut = RenderWithFinding(noAplica);

        var error = cut.WaitForElement("[data-testid=error-nueva-accion]");
        Assert.Contains("«NO APLICA»", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=campo-hallazgo]"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void Render_MalformedFindingInTheAddress_IgnoredAndTheCategoryChoiceShown(string hallazgo)
    {
        SignInAsEditor();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("hallazgo", hallazgo));

        var cut = Render<ActionNew>();

        cut.WaitForElement("[data-testid=campo-categoria]");
        Assert.Empty(cut.FindAll("[data-testid=error-nueva-accion]"));
    }

    /// <summary>Opens <c>/plan/acciones/nueva?hallazgo=ID</c>, as a link from the plan or the category page does.</summary>
    private IRenderedComponent<ActionNew> RenderWithFinding(int findingId)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("hallazgo", findingId));
        return Render<ActionNew>();
    }

    private int FindingOf(int actionId)
    {
        using var db = Database.CreateDbContext();
        return db.Actions.Where(a => a.Id == actionId).Select(a => a.FindingId).Single();
    }
}
