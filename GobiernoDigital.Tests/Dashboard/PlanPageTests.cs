using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Plan;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

// The seeded plan TI.PL03 v1: its dated improvements are actions from 01/08/2024 to 31/12/2027, none started, no owner.
// The context's clock says 23/11/2026 unless a test sets another.
public sealed class PlanPageTests(SeededTestDatabase seeded) : DashboardTestContext(seeded), IClassFixture<SeededTestDatabase>
{
    [Fact]
    public void Render_Seed_HeaderOfTheDocumentAndCountersOnToday()
    {
        var cut = RenderPlan();

        Assert.Equal("Plan de mejoramiento", cut.Find("h1").TextContent.Trim());
        var header = Normalized(cut.Find("[data-testid=plan-encabezado]"));
        Assert.Contains("Código TI.PL03", header, StringComparison.Ordinal);
        Assert.Contains("Versión 1 (vigente)", header, StringComparison.Ordinal);
        Assert.Contains("Aprobado 21/05/2024 por Comité Institucional de Gestión y Desempeño, Acta No. 05 de 2024", header, StringComparison.Ordinal);
        Assert.Contains("Elaboró Martha Cecilia Saldaña S, Asesora Externa, 30/10/2024", header, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=version-anterior]"));

        Assert.Equal("0", Figure(cut, "contador-vencidas"));
        Assert.Equal("0", Figure(cut, "contador-proximas"));
        Assert.Equal("0", Figure(cut, "contador-completadas"));
        Assert.Equal(ActionCount().ToString(EsCo.Culture), Figure(cut, "contador-total"));
        var download = cut.Find("[data-testid=descargar-xlsx]");
        Assert.EndsWith("/exportar/plan.xlsx?version=1", download.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(download.HasAttribute("download"), "a file link the router must not intercept");
        Assert.EndsWith("/plan/versiones", cut.Find("[data-testid=versiones]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_OneRowPerActionLinkingToItWithStatusDatesAndProgress()
    {
        var cut = RenderPlan();

        var rows = ActionRows(cut);
        Assert.Equal(ActionCount(), rows.Count);
        var first = rows[0];
        var id = first.GetAttribute("data-action-id");
        Assert.EndsWith($"/plan/acciones/{id}", first.QuerySelector("a.action-link")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Transparencia", first.QuerySelector("a.category-link")!.TextContent.Trim());
        Assert.Equal("Sin responsable", Cell(first, "Responsable"));
        Assert.Equal("01/08/2024", Cell(first, "Inicio"));
        Assert.Equal("31/12/2027", Cell(first, "Fin"));
        Assert.Equal("No iniciada", Cell(first, "Estado"));
        Assert.Equal("0 %", Cell(first, "Avance"));
    }

    [Fact]
    public void Render_Seed_FindingsMarkedNoAplicaAreListedAsSuchAndOthersWithoutActionsSaySo()
    {
        var cut = RenderPlan();

        var empty = cut.FindAll("[data-testid=hallazgo-sin-acciones]");
        var notApplicable = empty.Where(r => Normalized(r).Contains("NO APLICA: sin acciones", StringComparison.Ordinal)).ToList();
        var withoutActions = empty.Where(r => Normalized(r).EndsWith("Sin acciones", StringComparison.Ordinal)).ToList();
        using var db = Database.CreateDbContext();
        Assert.Equal(db.Findings.Count(f => f.ImprovementsNotApplicable), notApplicable.Count);
        Assert.Equal(db.Findings.Count(f => !f.ImprovementsNotApplicable && !f.Actions.Any()), withoutActions.Count);
        Assert.Equal(empty.Count, notApplicable.Count + withoutActions.Count);
        Assert.Contains(notApplicable, r => r.QuerySelector("a.category-link")!.TextContent.Trim() == "TIC para Servicios");
    }

    [Fact]
    public void CategoryFilter_ChoosingTransparencia_LeavesOnlyItsRowsAndBarsAndGoesToTheAddress()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderPlan();
        var transparencia = CategoryId("Transparencia");

        cut.Find("div.mud-input-control.filter-categoria").MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Transparencia").Click();

        cut.WaitForAssertion(() => Assert.Contains($"categoria={transparencia}", Navigation.Uri, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal(ActionCount("Transparencia"), ActionRows(cut).Count));
        Assert.All(ActionRows(cut), r => Assert.Equal("Transparencia", r.QuerySelector("a.category-link")!.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=hallazgo-sin-acciones]"));
        Assert.Equal(RowIds(cut), BarIds(cut));
        Assert.Equal($"Mostrando {ActionCount("Transparencia")} de {ActionCount()} acciones.", cut.Find("[data-testid=conteo-filtrado]").TextContent.Trim());
    }

    [Fact]
    public void StatusFilter_ChoosingVencida_LeavesOnlyTheLateActions()
    {
        UseOwnDatabase();
        Clock = new FixedTimeProvider(new DateTimeOffset(2028, 1, 15, 12, 0, 0, TimeSpan.FromHours(-5)));
        var completed = CompleteFirstActionOf("Transparencia", new DateOnly(2027, 6, 1));
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderPlan();
        Assert.Equal((ActionCount() - 1).ToString(EsCo.Culture), Figure(cut, "contador-vencidas"));
        Assert.Equal("1", Figure(cut, "contador-completadas"));

        cut.Find("div.mud-input-control.filter-estado").MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Vencida").Click();

        cut.WaitForAssertion(() => Assert.Equal(ActionCount() - 1, ActionRows(cut).Count));
        Assert.Contains("estado=vencida", Navigation.Uri, StringComparison.Ordinal);
        Assert.All(ActionRows(cut), r => Assert.Equal("Vencida", Cell(r, "Estado")));
        Assert.DoesNotContain(completed.ToString(EsCo.Culture), RowIds(cut));
        Assert.Empty(cut.FindAll("[data-testid=hallazgo-sin-acciones]"));
        Assert.Equal(RowIds(cut), BarIds(cut));
    }

    [Fact]
    public void StatusFilterInTheAddress_Completada_ShowsOnlyTheCompletedOne()
    {
        UseOwnDatabase();
        var completed = CompleteFirstActionOf("Colaboración", new DateOnly(2026, 10, 1));

        var cut = RenderPlan("plan?estado=completada");

        var row = Assert.Single(ActionRows(cut));
        Assert.Equal(completed.ToString(EsCo.Culture), row.GetAttribute("data-action-id"));
        Assert.Equal("Completada", Cell(row, "Estado"));
        Assert.Equal("100 %", Cell(row, "Avance"));
        Assert.Equal("1", Cell(row, "Evidencias"));
    }

    [Fact]
    public void ResponsibleFilter_SinResponsableAndANamedOne_SplitTheActions()
    {
        UseOwnDatabase();
        var named = FirstActionOf("Información");
        PlanTestData.ChangeAction(Database, named, a => a.SetResponsible("Oficina de Sistemas"));

        var byName = RenderPlan("plan?responsable=Oficina%20de%20Sistemas");
        Assert.Equal([named.ToString(EsCo.Culture)], RowIds(byName));
        Assert.Equal("Oficina de Sistemas", Cell(ActionRows(byName)[0], "Responsable"));

        var without = RenderPlan("plan?responsable=sin-responsable");
        Assert.Equal(ActionCount() - 1, ActionRows(without).Count);
        Assert.DoesNotContain(named.ToString(EsCo.Culture), RowIds(without));
    }

    [Theory]
    [InlineData("30-dias", 2027, 12, 10, true)] // 31/12/2027 is 21 days away
    [InlineData("30-dias", 2026, 11, 23, false)]
    [InlineData("este-ano", 2027, 3, 1, true)]
    [InlineData("este-ano", 2026, 11, 23, false)]
    [InlineData("vencidas", 2028, 1, 15, true)]
    [InlineData("vencidas", 2027, 12, 31, false)] // the end day itself is not late yet
    public void DueWindowFilter_SeedActionsEnding31122027_ShownOnlyWhenInTheWindow(string window, int year, int month, int day, bool shown)
    {
        Clock = new FixedTimeProvider(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(-5)));

        var cut = RenderPlan($"plan?plazo={window}");

        Assert.Equal(shown ? ActionCount() : 0, ActionRows(cut).Count);
        Assert.Equal(shown ? ActionCount() : 0, cut.FindAll("rect[data-action-id]").Count);
        if (!shown)
        {
            Assert.Equal("Ninguna acción cumple los filtros elegidos.", cut.Find("[data-testid=tabla-vacia]").TextContent.Trim());
        }
    }

    [Fact]
    public void Render_ActionsEndingWithinThirtyDays_EachRowSaysVenceProntoAndTheCounterCountsTheSameRows()
    {
        UseOwnDatabase();
        Clock = new FixedTimeProvider(new DateTimeOffset(2027, 12, 10, 12, 0, 0, TimeSpan.FromHours(-5))); // 31/12/2027 is 21 days away
        var far = FirstActionOf("Transparencia");
        PlanTestData.ChangeAction(Database, far, a => a.SetDates(new GobiernoDigital.Core.Domain.DateRange(a.StartDate, new DateOnly(2028, 6, 30))));
        var completed = CompleteFirstActionOf("Colaboración", new DateOnly(2027, 12, 1));

        var cut = RenderPlan();

        var soon = ActionRows(cut).Where(r => r.QuerySelector("[data-testid=vence-pronto]") is not null).ToList();
        Assert.Equal(ActionCount() - 2, soon.Count);
        Assert.All(soon, r => Assert.Equal("No iniciada Vence pronto", Cell(r, "Estado")));
        Assert.Equal(soon.Count.ToString(EsCo.Culture), Figure(cut, "contador-proximas"));
        var farRow = ActionRows(cut).Single(r => r.GetAttribute("data-action-id") == far.ToString(EsCo.Culture));
        Assert.Equal("No iniciada", Cell(farRow, "Estado"));
        var completedRow = ActionRows(cut).Single(r => r.GetAttribute("data-action-id") == completed.ToString(EsCo.Culture));
        Assert.Equal("Completada", Cell(completedRow, "Estado"));
    }

    [Fact]
    public void Render_SeedOnItsToday_NoRowSaysVencePronto()
    {
        var cut = RenderPlan();

        Assert.Empty(cut.FindAll("[data-testid=vence-pronto]"));
    }

    [Theory]
    [InlineData("2027-12-01", "2027-12-31", true)]
    [InlineData("2027-12-31", null, true)]
    [InlineData(null, "2027-12-30", false)]
    [InlineData("2028-01-01", null, false)]
    public void DueWindowFilter_CustomRangeOfEndDates_Inclusive(string? from, string? to, bool shown)
    {
        var query = "plan?plazo=rango" + (from is null ? string.Empty : $"&desde={from}") + (to is null ? string.Empty : $"&hasta={to}");

        var cut = RenderPlan(query);

        Assert.Equal(shown ? ActionCount() : 0, ActionRows(cut).Count);
        Assert.NotNull(cut.Find("div.filter-desde"));
    }

    [Fact]
    public void Timeline_Seed_OneBarPerActionWithTodaysLineAndASummary()
    {
        var cut = RenderPlan();

        var svg = cut.Find("[data-testid=cronograma] svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(RowIds(cut), BarIds(cut));
        Assert.Equal(ActionCount(), BarIds(cut).Count);
        Assert.Equal("Hoy 23/11/2026", cut.Find(".timeline__today-label").TextContent.Trim());
        Assert.NotNull(cut.Find("line[data-testid=hoy]"));
        Assert.StartsWith($"Cronograma de {ActionCount()} acciones, del 01/08/2024 al 31/12/2027: {ActionCount()} no iniciadas.", svg.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EarlierVersion_BannerSaysWhenItWasReplacedAndNoNewActionForEditors()
    {
        UseOwnDatabase();
        PlanTestData.ReIssue(Database, new DateOnly(2026, 2, 10));
        Auth.SetAuthorized("asesor");
        Auth.SetPolicies(Policies.EditarPlan);

        var earlier = RenderPlan("plan?version=1");

        Assert.Equal(
            "Versión 1, reemplazada por la versión 2 el 10/02/2026. Solo lectura. Ver la versión vigente",
            Normalized(earlier.Find("[data-testid=version-anterior]")));
        Assert.Empty(earlier.FindAll("[data-testid=nueva-accion]"));
        Assert.EndsWith("/exportar/plan.xlsx?version=1", earlier.Find("[data-testid=descargar-xlsx]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(ActionIdsOfVersion(1), RowIds(earlier)); // not the copies in version 2

        var current = RenderPlan("plan");
        Assert.Empty(current.FindAll("[data-testid=version-anterior]"));
        Assert.Contains("Versión 2 (vigente)", Normalized(current.Find("[data-testid=plan-encabezado]")), StringComparison.Ordinal);
        Assert.NotNull(current.Find("[data-testid=nueva-accion]"));
    }

    [Fact]
    public void Render_Anonymous_NoNewActionButton()
    {
        var cut = RenderPlan();

        Assert.Empty(cut.FindAll("[data-testid=nueva-accion]"));
    }

    [Theory]
    [InlineData("plan?version=9", "El plan no tiene una versión 9.")]
    [InlineData("plan?version=abc", "«abc» no es una versión válida del plan")]
    public void Render_UnknownOrMalformedVersion_SpanishMessage(string address, string message)
    {
        Navigation.NavigateTo(address);

        var cut = Render<PlanPage>();

        cut.WaitForAssertion(() => Assert.Contains(message, Normalized(cut.Find("[data-testid=plan-vacio]")), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=tabla-acciones]"));
    }

    [Fact]
    public void Render_NoPlan_SaysThereIsNoneYet()
    {
        UseOwnDatabase();
        using (var db = Database.CreateDbContext())
        {
            db.Plans.ExecuteDelete();
        }

        var cut = Render<PlanPage>();

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Aún no hay un plan de mejoramiento registrado.",
            Normalized(cut.Find("[data-testid=plan-vacio]")),
            StringComparison.Ordinal));
    }

    [Fact]
    public void Effectiveness_SeedOnly2023_RuleWrittenAndEveryVerdictSinDatos()
    {
        var cut = RenderPlan();

        var section = cut.WaitForElement("[data-testid=eficacia]");
        Assert.Contains(EffectivenessCalculator.RuleText, section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Aún no hay una medición posterior a 2023", Normalized(cut.Find("[data-testid=eficacia-sin-b]")), StringComparison.Ordinal);
        var verdicts = cut.FindAll("[data-testid=eficacia-categoria] .verdict-chip").Select(c => c.TextContent.Trim()).Distinct();
        Assert.Equal(["Sin datos"], verdicts);
    }

    [Fact]
    public void Effectiveness_CompletedActionAndA2024Measurement_EficazWithItsSignedEffect()
    {
        UseOwnDatabase();
        PlanTestData.AddMeasurement(Database, 2024, ("Transparencia", 55.5m), ("Colaboración", 0m));
        CompleteFirstActionOf("Transparencia", new DateOnly(2024, 6, 30), expectedPoints: 10m);

        var cut = RenderPlan();

        var row = cut.WaitForElement($"[data-testid=eficacia-categoria][data-category-id='{CategoryId("Transparencia")}']");
        // 55,5 − 40 = +15,5 against 10 expected: eficaz; effect 1 × 15,5 / 2 (Σ weights measured in 2024) = 7,75 → "+7,8".
        Assert.Equal("Eficaz", row.QuerySelector(".verdict-chip")!.TextContent.Trim());
        Assert.Equal("10,0 (1 acción)", Cell(row, "Ganancia esperada"));
        Assert.Equal("+15,5", Cell(row, "Cambio real"));
        Assert.Equal("+7,8", Cell(row, "Efecto"));
        Assert.Equal("Subió 15,5 puntos; se esperaban 10,0.", Cell(row, "Razón"));
        var totals = Normalized(cut.Find("[data-testid=eficacia-total]"));
        Assert.Contains("Efecto sumado en el Porcentaje de Cumplimiento +7,8 puntos", totals, StringComparison.Ordinal);
        Assert.Contains("−12,3 puntos (de 40,0 % en 2023 a 27,8 % en 2024)", totals, StringComparison.Ordinal);
    }

    [Fact]
    public void Effectiveness_ChoosingVigenciaB_EvaluatesThatPair()
    {
        UseOwnDatabase();
        PlanTestData.AddMeasurement(Database, 2024, ("Transparencia", 45m));
        PlanTestData.AddMeasurement(Database, 2025, ("Transparencia", 70m));
        CompleteFirstActionOf("Transparencia", new DateOnly(2025, 5, 1), expectedPoints: 20m);
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderPlan();
        var transparencia = $"[data-testid=eficacia-categoria][data-category-id='{CategoryId("Transparencia")}']";

        // Default B is the next measured vigencia, 2024: the action was completed in 2025, so nothing was expected yet.
        cut.WaitForAssertion(() => Assert.Equal("De 2023 a 2024", Normalized(cut.Find("[data-testid=par-vigencias]"))));
        Assert.Equal("Sin datos", cut.Find($"{transparencia} .verdict-chip").TextContent.Trim());

        cut.Find("div.mud-input-control.vigencia-b").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(["2024", "2025"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "2025").Click();

        // 70 − 40 = +30 against 20 expected.
        cut.WaitForAssertion(() => Assert.Equal("De 2023 a 2025", Normalized(cut.Find("[data-testid=par-vigencias]"))));
        var row = cut.Find(transparencia);
        Assert.Equal("Eficaz", row.QuerySelector(".verdict-chip")!.TextContent.Trim());
        Assert.Equal("+30,0", Cell(row, "Cambio real"));
    }

    [Fact]
    public void Render_MalformedFiltersInTheAddress_IgnoredAndEveryActionShown()
    {
        var cut = RenderPlan("plan?categoria=abc&estado=perdida&plazo=pronto&componente=-3");

        Assert.Equal(ActionCount(), ActionRows(cut).Count);
        Assert.Empty(cut.FindAll("[data-testid=quitar-filtros]"));
    }

    private IRenderedComponent<PlanPage> RenderPlan(string address = "plan")
    {
        Navigation.NavigateTo(address);
        var cut = Render<PlanPage>();
        cut.WaitForElement("[data-testid=plan-encabezado]");
        return cut;
    }

    private int ActionCount(string? category = null)
    {
        using var db = Database.CreateDbContext();
        var plan = db.Plans.OrderByDescending(p => p.Version).First().Id;
        return db.Actions.Count(a => a.Finding.PlanId == plan && (category == null || a.Finding.Category.Name == category));
    }

    private List<string?> ActionIdsOfVersion(int version)
    {
        using var db = Database.CreateDbContext();
        return db.Actions.Where(a => db.Plans.Any(p => p.Id == a.Finding.PlanId && p.Version == version))
            .OrderBy(a => a.Finding.DisplayOrder).ThenBy(a => a.DisplayOrder)
            .Select(a => a.Id).AsEnumerable().Select(id => (string?)id.ToString(EsCo.Culture)).ToList();
    }

    private int FirstActionOf(string category) => PlanTestData.ActionIds(Database, category)[0];

    private int CompleteFirstActionOf(string category, DateOnly on, decimal? expectedPoints = null)
    {
        var id = FirstActionOf(category);
        PlanTestData.Complete(Database, id, on, expectedPoints);
        return id;
    }

    private static IReadOnlyList<IElement> ActionRows(IRenderedComponent<PlanPage> cut) => cut.FindAll("[data-testid=accion]");

    private static List<string?> RowIds(IRenderedComponent<PlanPage> cut) => ActionRows(cut).Select(r => r.GetAttribute("data-action-id")).ToList();

    private static List<string?> BarIds(IRenderedComponent<PlanPage> cut) =>
        cut.FindAll("[data-testid=cronograma] rect[data-action-id]").Select(r => r.GetAttribute("data-action-id")).ToList();

    private static string Figure(IRenderedComponent<PlanPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .counter-card__figure").TextContent.Trim();

    private static string Cell(IElement row, string label) => Normalized(row.QuerySelector($"td[data-label='{label}']")!);

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
