using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Pages.Categories;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class CategoryDetailTests(SeededTestDatabase seeded) : DashboardTestContext(seeded), IClassFixture<SeededTestDatabase>
{
    // data/plan-de-mejoramiento-TI.PL03.json, finding "Transparencia", first paragraph of "alternativas".
    private const string TransparenciaFirstAlternative =
        "Para mejorar los indicadores de proceso relacionados con la transparencia en el Concejo Municipal de Cartago, " +
        "que actualmente registran un 40% de logro para la vigencia 2023, se pueden diseñar diversas alternativas de gestión. " +
        "Estas alternativas deben abordar tanto la mejora de la accesibilidad y claridad de la información pública como la " +
        "implementación de prácticas que fortalezcan la rendición de cuentas y la participación ciudadana.";

    // Same finding, last paragraph of "mejoras".
    private const string TransparenciaLastImprovementStart = "2) Capacitación Continua en Buenas Prácticas de Transparencia";

    [Fact]
    public void Render_Transparencia_ListsItsFindingWithParagraphsAndDeadline()
    {
        var cut = RenderCategory("Transparencia");

        Assert.Equal("Transparencia", cut.Find("h1").TextContent.Trim());
        var finding = Assert.Single(cut.FindAll("[data-testid=hallazgos] > li"));
        Assert.Contains("Puntaje de la fila: 40,0", Normalized(finding.QuerySelector("h3")!), StringComparison.Ordinal);

        var paragraphs = finding.QuerySelectorAll(".paragraph").Select(p => p.TextContent.Trim()).ToList();
        // 2 alternatives and 3 improvements in the seed, each its own paragraph.
        Assert.Equal(5, paragraphs.Count);
        Assert.Equal(TransparenciaFirstAlternative, paragraphs[0]);
        Assert.StartsWith(TransparenciaLastImprovementStart, paragraphs[4], StringComparison.Ordinal);

        Assert.Equal("Plazo: del 01/08/2024 al 31/12/2027", Normalized(finding.QuerySelector("[data-testid=plazo]")!));
    }

    [Fact]
    public void Render_SingleVigencia_SaysSoAndDrawsNoLineChart()
    {
        var cut = RenderCategory("Transparencia");

        var history = cut.Find("[data-testid=historial]");
        Assert.Contains(
            "Solo hay una medición (vigencia 2023)",
            Normalized(history.QuerySelector("[data-testid=historial-unico]")!),
            StringComparison.Ordinal);
        Assert.Empty(history.QuerySelectorAll("svg"));

        var summary = Normalized(cut.Find("[data-testid=resumen-categoria]"));
        Assert.Equal("Vigencia 2023 Puntaje 40,0 Meta 100,0 Brecha 60,0", summary);
    }

    [Fact]
    public void Render_PlanReIssued_ListsTheFindingsOfTheCurrentVersionOnly()
    {
        UseOwnDatabase();
        var before = RenderCategory("Transparencia").FindAll("[data-testid=hallazgos] > li").Count;
        PlanTestData.ReIssue(Database, new DateOnly(2025, 6, 1));

        var findings = RenderCategory("Transparencia").FindAll("[data-testid=hallazgos] > li");

        Assert.Equal(before, findings.Count);
        Assert.All(findings, f => Assert.Contains("v2", f.QuerySelector("h3")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TwoVigencias_DrawsTheLineChartAndTheHistoryTable()
    {
        AddTransparencia2024();

        var cut = RenderCategory("Transparencia");

        var history = cut.Find("[data-testid=historial]");
        Assert.Empty(history.QuerySelectorAll("[data-testid=historial-unico]"));
        Assert.NotNull(history.QuerySelector("svg.mud-chart-line"));
        var rows = history.QuerySelectorAll("tbody tr").Select(Normalized).ToList();
        // Gaps: 100 − 40 = 60 and 100 − 55,5 = 44,5.
        Assert.Equal(["2023 40,0 100,0 60,0", "2024 55,5 100,0 44,5"], rows);
        Assert.Equal("Vigencia 2024 Puntaje 55,5 Meta 100,0 Brecha 44,5", Normalized(cut.Find("[data-testid=resumen-categoria]")));
    }

    [Fact]
    public void Render_PeerAverageOfTheOnlyVigencia_SummaryAndHistoryShowIt()
    {
        UseOwnDatabase();
        AddPeerAverage("Transparencia", 2023, 47.5m);

        var cut = RenderCategory("Transparencia");

        // 40 against 47,5: 7,5 points below.
        Assert.Equal("47,5 (−7,5 frente al grupo par)", Normalized(cut.Find("[data-testid=grupo-par-categoria]")));
        Assert.Contains("promedio del grupo par: 47,5", Normalized(cut.Find("[data-testid=historial-unico]")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoVigenciasPeerAverageInOne_HistoryHasTheGrupoParColumnWithADash()
    {
        AddTransparencia2024();
        AddPeerAverage("Transparencia", 2024, 61.2m);

        var cut = RenderCategory("Transparencia");

        var history = cut.Find("[data-testid=historial]");
        Assert.NotNull(history.QuerySelector("[data-testid=columna-grupo-par]"));
        Assert.Equal(
            ["2023 40,0 100,0 60,0 —", "2024 55,5 100,0 44,5 61,2"],
            history.QuerySelectorAll("tbody tr").Select(r => string.Join(' ', r.QuerySelectorAll("td").Select(Normalized))));
        Assert.Contains("Grupo par", history.QuerySelectorAll(".mud-chart-legend-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public void Render_NoPeerAverage_NoGrupoParAnywhere()
    {
        var cut = RenderCategory("Transparencia");

        Assert.Empty(cut.FindAll("[data-testid=grupo-par-categoria]"));
        Assert.DoesNotContain("grupo par", cut.Find("[data-testid=historial]").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_ServiciosCentradosEnElUsuario_ListsFourFindingsTheFirstNoAplica()
    {
        var cut = RenderCategory("Servicios centrados en el usuario");

        var findings = cut.FindAll("[data-testid=hallazgos] > li");
        Assert.Equal(4, findings.Count);
        Assert.Contains("NO APLICA", findings[0].TextContent, StringComparison.Ordinal);
        Assert.All(findings.Skip(1), f => Assert.DoesNotContain("NO APLICA", f.TextContent, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("Puntaje de la fila: 0,0", Normalized(f.QuerySelector("h3")!), StringComparison.Ordinal));
        Assert.Equal(
            "Se debe invertir en infraestructura tecnológica, que permita implementar procesos de pasarelas de pago en línea, para habilitar tramites de recaudo vía web",
            findings[1].QuerySelector(".paragraph")!.TextContent.Trim());
        Assert.All(findings, f => Assert.Equal("Plazo: sin plazo en el plan", Normalized(f.QuerySelector("[data-testid=plazo]")!)));
    }

    [Fact]
    public void Render_GobiernoDeTi_ShowsSinMedicionAndNoRowScore()
    {
        var cut = RenderCategory("Gobierno de TI");

        var summary = cut.Find("[data-testid=resumen-categoria]");
        Assert.Equal("Sin medición", summary.QuerySelector(".mud-chip")?.TextContent.Trim());
        Assert.DoesNotContain("0,0", summary.QuerySelector("dd")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Brecha — (sin puntaje medido)", Normalized(summary), StringComparison.Ordinal);

        var finding = Assert.Single(cut.FindAll("[data-testid=hallazgos] > li"));
        Assert.Contains("Puntaje de la fila: sin puntaje", Normalized(finding.QuerySelector("h3")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Transparencia_ListsTheCurrentPlansActionsWithLinksStatusAndProgress()
    {
        var cut = RenderCategory("Transparencia");

        var section = cut.Find("[data-testid=acciones-categoria]");
        var rows = section.QuerySelectorAll("[data-testid=accion]");
        using var db = Database.CreateDbContext();
        var expected = db.Actions.Where(a => a.Finding.Category.Name == "Transparencia")
            .OrderBy(a => a.DisplayOrder).Select(a => a.Id).ToList();
        Assert.Equal(expected.Select(id => id.ToString(EsCo.Culture)), rows.Select(r => r.GetAttribute("data-action-id")));
        Assert.StartsWith(TransparenciaLastImprovementStart, rows[^1].QuerySelector("a")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.All(rows.Zip(expected), pair =>
        {
            var (row, id) = pair;
            Assert.EndsWith($"/plan/acciones/{id}", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("Sin responsable", Normalized(row.QuerySelector("td[data-label=Responsable]")!));
            Assert.Equal("31/12/2027", Normalized(row.QuerySelector("td[data-label=Fin]")!));
            Assert.Equal("No iniciada", Normalized(row.QuerySelector("td[data-label=Estado]")!));
            Assert.Equal("0 %", Normalized(row.QuerySelector("td[data-label=Avance]")!));
        });
        Assert.EndsWith($"/plan?categoria={CategoryId("Transparencia")}", section.QuerySelector("a[href*='/plan?']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TicParaServicios_OnlyNoAplicaFindings_SaysItHasNoActions()
    {
        var cut = RenderCategory("TIC para Servicios");

        Assert.Equal("El plan vigente no tiene acciones para esta categoría.", cut.Find("[data-testid=sin-acciones]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=acciones-categoria] [data-testid=accion]"));
    }

    [Fact]
    public async Task Render_UnknownId_CallsNotFoundInsteadOfThrowing()
    {
        var notFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Navigation.OnNotFound += (_, _) => notFound.TrySetResult();

        var cut = Render<CategoryDetail>(p => p.Add(c => c.Id, 999999));

        await notFound.Task.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        Assert.Empty(cut.FindAll("h1"));
        Assert.Empty(cut.FindAll("[data-testid=hallazgos]"));
    }

    /// <summary>On a database of this test's own, measures vigencia 2024 with Transparencia alone, at 55,5.</summary>
    private void AddTransparencia2024()
    {
        UseOwnDatabase();
        using var db = Database.CreateDbContext();
        var measurement = new Measurement(2024, date: null, MeasurementSource.Autodiagnostico, officialIndex: null);
        measurement.SetScore(db.Categories.Single(c => c.Name == "Transparencia"), Score.Measured(55.5m));
        db.Measurements.Add(measurement);
        db.SaveChanges();
    }

    private IRenderedComponent<CategoryDetail> RenderCategory(string name)
    {
        var id = CategoryId(name);
        var cut = Render<CategoryDetail>(p => p.Add(c => c.Id, id));
        cut.WaitForElement("[data-testid=resumen-categoria]");
        return cut;
    }

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
