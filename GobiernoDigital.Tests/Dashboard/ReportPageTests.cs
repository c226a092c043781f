using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Components.Pages.Report;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

// The seed: vigencia 2023 only (16 of 17 categories measured, 640 ÷ 16 = 40,0 %) and the plan TI.PL03 v1, whose
// actions all run from 01/08/2024 to 31/12/2027, none started. The context's clock says 23/11/2026 unless a test sets another.
public sealed class ReportPageTests : DashboardTestContext, IClassFixture<SeededTestDatabase>
{
    private const int CategoryCount = 17;

    public ReportPageTests(SeededTestDatabase seeded)
        : base(seeded)
    {
        Services.AddScoped(sp => new ReportService(sp.GetRequiredService<ComplianceService>(), sp.GetRequiredService<PlanService>(), Clock));
    }

    [Fact]
    public void Render_PeerAverageRecorded_RadarDrawsTheGrupoPar()
    {
        UseOwnDatabase();
        AddPeerAverage("Transparencia", 2023, 47.5m);

        var cut = RenderReport();

        Assert.Contains("Grupo par 2023", cut.FindAll(".radar .mud-chart-legend-item").Select(i => i.TextContent.Trim()));
        Assert.Equal(["Categoría", "Puntaje", "Meta", "Brecha", "Grupo par", "Cambio"], cut.FindAll("[data-testid=tabla-categorias] thead th").Select(Normalized));
        Assert.Equal(["TIC para Gobierno Abierto", "40,0", "100,0", "60,0", "47,5"], Cells(Row(cut, "Transparencia")).Take(5));
        Assert.Equal("—", Cells(Row(cut, "Colaboración"))[4]);
        Assert.All(cut.FindAll("[data-testid=tabla-categorias] tr.report-table__component th"), th => Assert.Equal("6", th.GetAttribute("colspan")));
    }

    [Fact]
    public async Task Render_CompletedActionAndA2024Measurement_PlanSectionShowsProgressAndTheEffectivenessOfThePlanPage()
    {
        UseOwnDatabase();
        PlanTestData.AddMeasurement(Database, 2024, ("Transparencia", 55.5m), ("Colaboración", 0m));
        PlanTestData.Complete(Database, PlanTestData.ActionIds(Database, "Transparencia")[0], new DateOnly(2024, 6, 30), expectedPoints: 10m);
        var expected = (await Services.GetRequiredService<PlanService>().GetEffectivenessAsync(null, null, cancellationToken: Xunit.TestContext.Current.CancellationToken))!;
        var withoutData = expected.Categories.Count(c => c.Result.Verdict == EffectivenessVerdict.SinDatos);

        var cut = RenderReport();

        Assert.Equal(
            $"Plan TI.PL03, versión 1, al 23/11/2026: 1 de {ActionCount()} acciones completadas, 0 vencidas y 0 que vencen en los próximos 30 días.",
            Normalized(cut.Find("[data-testid=acciones-resumen]")));
        // As on the plan page: 55,5 − 40 = +15,5 against 10 expected, eficaz; effect 1 × 15,5 ÷ 2 (Σ weights measured in 2024) = +7,8.
        Assert.Equal(
            $"Evaluación de la eficacia (de 2023 a 2024): Eficaz: Transparencia. Sin datos: {withoutData} categorías. Efecto sumado en el Porcentaje: +7,8 puntos.",
            Normalized(cut.Find("[data-testid=plan-eficacia]")));
        Assert.Equal(expected.Categories.Count - 1, withoutData);
    }

    [Fact]
    public void Render_Seed_HeaderWithEntityVigenciaAndGenerationDate()
    {
        var cut = RenderReport();

        Assert.Equal("Informe para el Comité Institucional de Gestión y Desempeño", cut.Find("h1").TextContent.Trim());
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal("Concejo Municipal de Cartago · NIT 900.215.967-5", Normalized(cut.Find("[data-testid=entidad]")));
        var details = Normalized(cut.Find("[data-testid=informe-datos]"));
        Assert.Contains("Vigencia 2023", details, StringComparison.Ordinal);
        Assert.Contains("Generado el 23/11/2026 12:00 (hora de Colombia)", details, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_HeadlineFigureCoverageAndNoPreviousVigencia()
    {
        var cut = RenderReport();

        Assert.Equal("Porcentaje de Cumplimiento de Gobierno Digital: 40,0 %", Normalized(cut.Find("[data-testid=cifra]")));
        Assert.StartsWith("16 de 17 categorías medidas (1 sin medición).", Normalized(cut.Find("[data-testid=cobertura]")), StringComparison.Ordinal);
        Assert.Contains("Primera vigencia registrada", cut.Find("[data-testid=cambio]").TextContent, StringComparison.Ordinal);
        Assert.Contains("La vigencia 2023 es la primera registrada", Normalized(cut.Find("[data-testid=cambios]")), StringComparison.Ordinal);
        Assert.Equal(
            ["TIC para Gobierno Abierto 20,0 %", "TIC para Servicios 0,0 %", "TIC para la Gestión 54,3 %", "Seguridad y Privacidad de la Información 66,7 %"],
            cut.FindAll("[data-testid=componente]").Select(Normalized));
        Assert.Equal(
            "Cómo se calcula: Porcentaje de Cumplimiento = Σ wᵢ·sᵢ ÷ Σ wᵢ, sobre las categorías con puntaje medido (w: peso; s: puntaje). " +
            "Vigencia 2023: 640,0 ÷ 16,0 = 40,0 %. Brecha = meta − puntaje. Las cifras se redondean a un decimal solo al mostrarlas.",
            Normalized(cut.Find("[data-testid=formula]")));
    }

    [Fact]
    public void Render_Seed_TableHasEveryCategoryWithScoreMetaAndGap()
    {
        var cut = RenderReport();

        var rows = cut.FindAll("[data-testid=tabla-categorias] [data-testid=fila-categoria]");
        Assert.Equal(CategoryCount, rows.Count);
        Assert.Equal(["Categoría", "Puntaje", "Meta", "Brecha", "Cambio"], cut.FindAll("[data-testid=tabla-categorias] thead th").Select(Normalized));
        Assert.Equal(["TIC para Gobierno Abierto", "40,0", "100,0", "60,0"], Cells(Row(cut, "Transparencia")).Take(4));
        Assert.Equal("TIC para Gobierno Abierto", Row(cut, "Transparencia").GetAttribute("data-component"));
        // Gobierno de TI has no score in the plan: «Sin medición», not 0, and no gap.
        Assert.Equal(["Sin medición", "100,0", "—"], Cells(Row(cut, "Gobierno de TI")).Skip(1).Take(3));
        Assert.Equal(4, cut.FindAll("[data-testid=tabla-categorias] tr.report-table__component").Count);
    }

    [Fact]
    public void Render_SeedOn23November2026_NoLateAndNoDueActionsSaidInWords()
    {
        var cut = RenderReport();

        var summary = Normalized(cut.Find("[data-testid=acciones-resumen]"));
        Assert.Equal($"Plan TI.PL03, versión 1, al 23/11/2026: 0 de {ActionCount()} acciones completadas, 0 vencidas y 0 que vencen en los próximos 30 días.", summary);
        // Only 2023 is measured: nothing after it to judge the plan by.
        Assert.StartsWith("Evaluación de la eficacia (de 2023 a una vigencia aún sin medición): Sin datos:", Normalized(cut.Find("[data-testid=plan-eficacia]")), StringComparison.Ordinal);
        Assert.Equal("Vencidas (0) Ninguna acción está vencida.", Blocks(cut.Find("[data-testid=vencidas]")));
        Assert.Equal("Vencen en los próximos 30 días (0) Ninguna acción vence en los próximos 30 días.", Blocks(cut.Find("[data-testid=proximas]")));
        Assert.Empty(cut.FindAll("[data-testid=fila-accion]"));
    }

    [Fact]
    public void Render_AfterThePlansEnd_ListsTheFirstTenLateActionsAndCountsTheRest()
    {
        UseOwnDatabase();
        Clock = new FixedTimeProvider(new DateTimeOffset(2028, 1, 15, 12, 0, 0, TimeSpan.FromHours(-5)));
        var completed = PlanTestData.ActionIds(Database, "Transparencia")[0];
        PlanTestData.Complete(Database, completed, new DateOnly(2027, 6, 1));
        var late = ActionCount() - 1;

        var cut = RenderReport();

        var list = cut.Find("[data-testid=vencidas]");
        Assert.StartsWith($"Vencidas ({late})", Normalized(list), StringComparison.Ordinal);
        var rows = list.QuerySelectorAll("[data-testid=fila-accion]");
        Assert.Equal(ReportService.ListedActions, rows.Length);
        Assert.All(rows, r => Assert.Equal(["31/12/2027", "Vencida"], Cells(r).Skip(2)));
        Assert.Equal(
            $"y {late - ReportService.ListedActions} más: están en el plan de mejoramiento del tablero y en el archivo .xlsx del informe.",
            Normalized(list.QuerySelector("[data-testid=mas-acciones]")!));
        Assert.EndsWith("/plan?plazo=vencidas", list.QuerySelector("[data-testid=mas-acciones] a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($": 1 de {ActionCount()} acciones completadas, {late} vencidas y 0 que vencen", Normalized(cut.Find("[data-testid=acciones-resumen]")), StringComparison.Ordinal);
        Assert.Equal("Vencen en los próximos 30 días (0) Ninguna acción vence en los próximos 30 días.", Blocks(cut.Find("[data-testid=proximas]")));
    }

    [Fact]
    public void Render_TwoWeeksBeforeThePlansEnd_ListsTheActionsDueSoonWithCategoryAndShortText()
    {
        UseOwnDatabase();
        Clock = new FixedTimeProvider(new DateTimeOffset(2027, 12, 15, 12, 0, 0, TimeSpan.FromHours(-5)));

        var cut = RenderReport();

        var list = cut.Find("[data-testid=proximas]");
        Assert.StartsWith($"Vencen en los próximos 30 días ({ActionCount()})", Normalized(list), StringComparison.Ordinal);
        var first = list.QuerySelectorAll("[data-testid=fila-accion]")[0];
        Assert.Equal("Transparencia", Cells(first)[0]);
        Assert.InRange(Cells(first)[1].Length, 1, 100);
        Assert.Equal(["31/12/2027", "No iniciada"], Cells(first).Skip(2));
        Assert.Equal("Vencidas (0) Ninguna acción está vencida.", Blocks(cut.Find("[data-testid=vencidas]")));
    }

    [Fact]
    public void Render_WithAPreviousVigencia_ListsWhatRoseAndWhatFell()
    {
        UseOwnDatabase();
        // 2022: Transparencia 30 (2023: 40, rose 10), Colaboración 10 (2023: 0, fell 10), Información 70 (2023: 70, same).
        PlanTestData.AddMeasurement(Database, 2022, ("Transparencia", 30m), ("Colaboración", 10m), ("Información", 70m));

        var cut = RenderReport("informe?vigencia=2023");

        // 3 categories measured in 2022 against 16 in 2023: the +3,3 is no rise, and the report says why. Over the three
        // measured in both: (40 + 0 + 70) / 3 − (30 + 10 + 70) / 3 = 0.
        Assert.Contains("Frente a la vigencia 2022 (36,7 %): ⚠ +3,3 puntos (no comparable)", Normalized(cut.Find("[data-testid=cambio]")), StringComparison.Ordinal);
        Assert.Contains(
            "No comparable: 2023 tiene 16 de 17 categorías medidas y 2022 3 de 17. El cambio del porcentaje mezcla categorías distintas. " +
            "Sobre las 3 categorías medidas en ambas vigencias: 0,0 puntos.",
            Normalized(cut.Find("[data-testid=aviso-comparabilidad]")),
            StringComparison.Ordinal);
        var changes = cut.Find("[data-testid=cambios]");
        Assert.Contains(
            "Frente a la vigencia 2022: subieron 1 categoría, bajaron 1 categoría y 1 categoría quedó igual; 14 categorías sin comparación",
            Normalized(changes),
            StringComparison.Ordinal);
        var rose = Normalized(Assert.Single(changes.QuerySelectorAll("[data-testid=subieron] li")));
        Assert.StartsWith("Transparencia: 30,0 → 40,0", rose, StringComparison.Ordinal);
        Assert.Contains("+10,0 puntos", rose, StringComparison.Ordinal);
        var fell = Normalized(Assert.Single(changes.QuerySelectorAll("[data-testid=bajaron] li")));
        Assert.StartsWith("Colaboración: 10,0 → 0,0", fell, StringComparison.Ordinal);
        Assert.Contains("−10,0 puntos", fell, StringComparison.Ordinal);
        Assert.Equal("Cambio vs. 2022", Normalized(cut.FindAll("[data-testid=tabla-categorias] thead th")[^1]));
    }

    [Fact]
    public void Render_Seed_ToolbarOffersPrintAndTheWorkbookOfTheVigencia()
    {
        var cut = RenderReport();

        var toolbar = cut.Find("[data-testid=informe-herramientas]");
        Assert.Contains("no-print", toolbar.ClassList);
        Assert.Equal("Imprimir / Guardar como PDF", Normalized(toolbar.QuerySelector("[data-testid=imprimir]")!));
        var download = toolbar.QuerySelector("[data-testid=descargar-xlsx]")!;
        Assert.EndsWith("/exportar/informe.xlsx?vigencia=2023", download.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(download.HasAttribute("download"), "a file link the router must not intercept");
    }

    [Fact]
    public void PrintButton_Click_CallsPrintInTheModule()
    {
        var module = JSInterop.SetupModule("./js/report-print.js");
        var print = module.SetupVoid("print");
        var cut = RenderReport();

        cut.Find("[data-testid=imprimir]").Click();

        cut.WaitForAssertion(() => Assert.Single(print.Invocations));
    }

    [Theory]
    [InlineData("informe?vigencia=abc", "«abc» no es una vigencia válida: escriba un año, por ejemplo 2023.")]
    [InlineData("informe?vigencia=1999", "No hay una medición registrada para la vigencia 1999.")]
    public void Render_BadVigencia_SpanishMessageAndNoReport(string address, string message)
    {
        var cut = RenderReport(address, "[data-testid=informe-vacio]");

        Assert.StartsWith(message, Normalized(cut.Find("[data-testid=informe-vacio]")), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=informe]"));
        Assert.Empty(cut.FindAll("[data-testid=imprimir]"));
    }

    private IRenderedComponent<ReportPage> RenderReport(string address = "informe", string readySelector = "[data-testid=informe]")
    {
        Navigation.NavigateTo(address);
        var cut = Render<ReportPage>();
        cut.WaitForElement(readySelector);
        return cut;
    }

    private int ActionCount()
    {
        using var db = Database.CreateDbContext();
        var plan = db.Plans.OrderByDescending(p => p.Version).First().Id;
        return db.Actions.Count(a => a.Finding.PlanId == plan);
    }

    private static IElement Row(IRenderedComponent<ReportPage> cut, string category) =>
        cut.FindAll("[data-testid=fila-categoria]").Single(r => r.QuerySelector("a.category-link")?.TextContent.Trim() == category);

    // A category row: its component (from the group), then its cells; an action row: its cells.
    private static List<string> Cells(IElement row) =>
        (row.GetAttribute("data-component") is { } component ? [component] : new List<string>())
        .Concat(row.QuerySelectorAll("td").Select(Normalized))
        .ToList();

    // A list's heading and what follows it, one space apart (the markup puts no white space between them).
    private static string Blocks(IElement list) => string.Join(' ', list.Children.Select(Normalized));

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
