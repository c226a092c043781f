using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Pages.Overview;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Tests.TestDoubles;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class OverviewTests(SeededTestDatabase seeded) : DashboardTestContext(seeded), IClassFixture<SeededTestDatabase>
{
    private const int CategoryCount = 17;

    [Fact]
    public void Render_SeedVigencia2023_ShowsPercentageAndCoverage()
    {
        var cut = Render<Overview>();

        // Seed, vigencia 2023: 16 measured scores add up to 640 (Gobierno de TI is sin medición), 640 / 16 = 40.
        cut.WaitForAssertion(() => Assert.Equal("40,0 %", cut.Find("[data-testid=porcentaje]").TextContent));
        Assert.Equal("16 de 17 categorías medidas (1 sin medición)", Normalized(cut.Find("[data-testid=cobertura]")));
        Assert.Contains("Primera vigencia registrada", cut.Find("[data-testid=cambio]").TextContent);
    }

    [Fact]
    public void Render_InACircuit_FiguresAreSharedMarkupWhoseChartsAndRowsAreWiredToTheirCategories()
    {
        var links = JSInterop.SetupModule("./js/chart-links.js");

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(CategoryCount, cut.FindAll("[data-testid=cifras] [data-testid=tabla-categorias] tbody tr").Count));
        // No chart component lives in the circuit: the charts are markup, and one listener opens their categories.
        Assert.Empty(cut.FindComponents<CategoryRadar>());
        Assert.Empty(cut.FindComponents<GapChart>());
        var radar = cut.Find("[data-testid=cifras] figure.radar");
        var transparencia = cut.FindAll("[data-testid=tabla-categorias] a.category-link").First(a => a.TextContent == "Transparencia");
        Assert.Equal(transparencia.GetAttribute("href"), $"/categorias/{radar.GetAttribute("data-categorias")!.Split(',')[0]}");
        cut.WaitForAssertion(() => links.VerifyInvoke("attachLinks"));
        // The vigencia list stays a live control.
        Assert.Single(cut.FindComponents<MudSelect<int>>());
    }

    [Fact]
    public void Render_SeedVigencia2023_FormulaPanelRedoesTheFigureWithTheVigenciasOwnNumbers()
    {
        var cut = Render<Overview>();

        // A native disclosure, closed until the reader opens it (it works before the circuit connects, too).
        var panel = cut.WaitForElement("details[data-testid=formula-panel]");
        Assert.False(panel.HasAttribute("open"));
        Assert.Equal("¿Cómo se calcula el Porcentaje de Cumplimiento?", Normalized(panel.QuerySelector("summary")!));
        // Seed, vigencia 2023, every weight 1: 16 measured scores add up to 640.
        Assert.Contains("640,0 ÷ 16,0 = 40,0 %", Normalized(panel.QuerySelector("[data-testid=formula-valores]")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeedVigencia2023_RadarHasOneAxisPerCategoryAndMarksSinMedicion()
    {
        var cut = Render<Overview>();

        var radar = cut.WaitForElement("svg.mud-chart-radar");
        var labels = radar.QuerySelectorAll("text.mud-chart-axis-label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(CategoryCount, labels.Count);
        Assert.Equal(CategoryCount, radar.QuerySelectorAll("path.mud-chart-axis-line").Length);
        Assert.Equal("Transparencia", labels[0]);
        Assert.Equal("Gobierno de TI (s. m.)", Assert.Single(labels, l => l.Contains("(s. m.)", StringComparison.Ordinal)));
        Assert.DoesNotContain(labels, l => l.Contains("(n. a.)", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SeedVigencia2023_ChartsAreHiddenFromScreenReadersBehindACaptionThatSaysWhatTheyShow()
    {
        var cut = Render<Overview>();

        cut.WaitForElement("svg.mud-chart-radar");
        foreach (var chart in new[] { "svg.mud-chart-radar", "svg.mud-chart-bar", "svg.mud-chart-donut" })
        {
            Assert.NotNull(cut.Find(chart).Closest("[aria-hidden=true], [role=img]"));
        }

        Assert.Equal(
            "Radar de 17 categorías de la vigencia 2023: puntaje frente a meta. Los valores están en la tabla de categorías.",
            Normalized(cut.Find("[data-testid=resumen-radar]")));

        // Colaboración first: its gap of 100 gains the most points (6,25); then the other categories scored 0.
        var gaps = Normalized(cut.Find("[data-testid=resumen-brechas]"));
        Assert.StartsWith(
            "Brechas por categoría, de la que más puntos sumaría al porcentaje a la que menos: Colaboración 100,0 puntos de brecha;",
            gaps,
            StringComparison.Ordinal);
        Assert.EndsWith("; las demás están en la tabla de categorías.", gaps, StringComparison.Ordinal);
        Assert.Equal("Porcentaje de Cumplimiento de Gobierno Digital: 40,0 %", cut.Find("figure.donut").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_SeedVigencia2023_TableListsEveryCategoryWithSinMedicionNotZero()
    {
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(CategoryCount, cut.FindAll("[data-testid=tabla-categorias] tbody tr").Count));

        var gobiernoTi = Row(cut, "Gobierno de TI");
        var score = gobiernoTi.QuerySelector("td[data-label=Puntaje]")!;
        Assert.Equal("Sin medición", score.QuerySelector(".mud-chip")?.TextContent.Trim());
        Assert.DoesNotContain("0,0", score.TextContent, StringComparison.Ordinal);
        Assert.Equal("—", Cell(gobiernoTi, "Brecha"));
        Assert.Equal("—", Cell(gobiernoTi, "Puntos a ganar"));

        // Transparencia: 40 of a meta of 100, a gap of 60; 60 × 1 / Σw (16) = 3,75 points, shown rounded away from zero.
        var transparencia = Row(cut, "Transparencia");
        Assert.Equal("40,0", Cell(transparencia, "Puntaje"));
        Assert.Equal("60,0", Cell(transparencia, "Brecha"));
        Assert.Equal("3,8", Cell(transparencia, "Puntos a ganar"));
    }

    [Fact]
    public void Render_UnknownVigencia_SaysThereIsNoMeasurementInSpanish()
    {
        Navigation.NavigateTo("/?vigencia=1999");

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Contains(
            "No hay una medición registrada para la vigencia 1999",
            cut.Find(".mud-alert").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=porcentaje]"));
        Assert.Empty(cut.FindAll("[data-testid=tabla-categorias]"));
    }

    [Fact]
    public void VigenciaSelect_PickingAnEarlierVigencia_NavigatesToItsQueryAndShowsItsFigures()
    {
        UseOwnDatabase();
        AddVigencia2024();
        var popovers = Render<MudPopoverProvider>();

        var cut = Render<Overview>();

        // Vigencia 2024 (all 17 measured, see AddVigencia2024): Σ scores = 890, 890 / 17 = 52,352…% → "52,4 %".
        // Change against 2023: 52,352… − 40 = +12,352… points → "+12,4".
        cut.WaitForAssertion(() => Assert.Equal("52,4 %", cut.Find("[data-testid=porcentaje]").TextContent));
        Assert.Equal("17 de 17 categorías medidas", Normalized(cut.Find("[data-testid=cobertura]")));
        var change = Normalized(cut.Find("[data-testid=cambio]"));
        Assert.Contains("Frente a 2023 (40,0 %)", change, StringComparison.Ordinal);
        // 2023 left Gobierno de TI sin medición, 2024 measured it: not the same categories, so no green rise. Over the 16
        // measured in both: (890 − 50) / 16 = 52,5 against 40,0 → +12,5.
        Assert.Contains("+12,4 puntos (no comparable)", change, StringComparison.Ordinal);
        Assert.Equal(
            "No comparable: 2024 tiene 17 de 17 categorías medidas y 2023 16 de 17. El cambio del porcentaje mezcla categorías distintas. " +
            "Sobre las 16 categorías medidas en ambas vigencias: +12,5 puntos.",
            Normalized(cut.Find("[data-testid=cifras] .headline [data-testid=aviso-comparabilidad]")));
        Assert.Equal("2024", cut.Find("[data-testid=vigencia-select]").TextContent.Trim());

        cut.Find("div.mud-input-control.vigencia-select").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(["2024", "2023"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "2023").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/?vigencia=2023", Navigation.Uri, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("40,0 %", cut.Find("[data-testid=porcentaje]").TextContent));
        Assert.Equal("16 de 17 categorías medidas (1 sin medición)", Normalized(cut.Find("[data-testid=cobertura]")));
        Assert.Contains("Primera vigencia registrada", cut.Find("[data-testid=cambio]").TextContent);
    }

    [Fact]
    public void Render_PartialProvisionalMeasurement_IsNotTheOfficialHeadlineAndWarnsThatTheChangeIsNotComparable()
    {
        // Issue 12: a 2024 file brought 4 categories of 17 (against 16 of 17 in 2023); it was recorded as provisional.
        UseOwnDatabase();
        AddVigencia2024(
            MeasurementState.Provisional,
            new() { ["Transparencia"] = 80m, ["Colaboración"] = 60m, ["Información"] = 70m, ["Uso y Apropiación"] = 90m });

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal("75,0 %", cut.Find("[data-testid=porcentaje]").TextContent));
        var header = Normalized(cut.Find("p.text-muted"));
        Assert.Contains("Vigencia 2024 · Resultado provisional · fuente: Resultado oficial FURAG", header, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("[data-testid=cambio] .change--up"), _ => true);
        Assert.Contains("(no comparable)", Normalized(cut.Find("[data-testid=cambio]")), StringComparison.Ordinal);
        // Both warnings, beside the headline and above the category table, say the coverage of each vigencia.
        var warnings = cut.FindAll("[data-testid=aviso-comparabilidad]").Select(Normalized).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.StartsWith("No comparable: 2024 tiene 4 de 17 categorías medidas y 2023 16 de 17.", w, StringComparison.Ordinal));
        Assert.Contains("Sobre las 4 categorías medidas en ambas vigencias:", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameCategoriesMeasuredAndDefinitiva_ShowsTheRiseAsOfficialWithoutWarning()
    {
        UseOwnDatabase();
        var scores = SeedScores2023();
        scores["Transparencia"] += 16m;
        AddVigencia2024(MeasurementState.Definitiva, scores);

        var cut = Render<Overview>();

        // The 2023 scores with Transparencia 40 → 56, Gobierno de TI still sin medición: the same 16 categories, 656 / 16 = 41,0.
        cut.WaitForAssertion(() => Assert.Equal("41,0 %", cut.Find("[data-testid=porcentaje]").TextContent));
        Assert.Contains("Vigencia 2024 · Resultado oficial FURAG", Normalized(cut.Find("p.text-muted")), StringComparison.Ordinal);
        Assert.Contains("+1,0 puntos (sube)", Normalized(cut.Find("[data-testid=cambio]")), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=aviso-comparabilidad]"));
    }

    [Fact]
    public void Render_NoPeerAverageRecorded_NoPeerColumnsNorRadarSeries()
    {
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(CategoryCount, cut.FindAll("[data-testid=tabla-categorias] tbody tr").Count));
        Assert.Empty(cut.FindAll("[data-testid=columna-grupo-par]"));
        Assert.Empty(cut.FindAll("td[data-label='Frente al grupo par']"));
        Assert.DoesNotContain(cut.FindAll(".radar .mud-chart-legend-item"), i => i.TextContent.Contains("Grupo par", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PeerAverageRecorded_TableComparesAndRadarDrawsTheGrupoPar()
    {
        UseOwnDatabase();
        AddPeerAverage("Transparencia", 2023, 47.5m);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=columna-grupo-par]")));
        // Transparencia: 40 against 47,5, 7,5 points below; the others have no peer average.
        var transparencia = Row(cut, "Transparencia");
        Assert.Equal(("47,5", "−7,5"), (Cell(transparencia, "Grupo par"), Cell(transparencia, "Frente al grupo par")));
        Assert.Equal(("—", "—"), (Cell(Row(cut, "Colaboración"), "Grupo par"), Cell(Row(cut, "Colaboración"), "Frente al grupo par")));
        Assert.Contains("Grupo par 2023", cut.FindAll(".radar .mud-chart-legend-item").Select(i => i.TextContent.Trim()));
    }

    /// <summary>
    /// Records vigencia 2024 through the domain, every category measured:
    /// 60 + 20 + 40 + 10 + 10 + 20 + 30 + 50 + 80 + 20 + 70 + 90 + 100 + 70 + 80 + 80 + 60 = 890.
    /// </summary>
    /// <summary>Records vigencia 2024 (official source) with only the given scores; the other categories stay sin medición.</summary>
    private void AddVigencia2024(MeasurementState state, Dictionary<string, decimal> scores)
    {
        using var db = Database.CreateDbContext();
        var measurement = new Measurement(2024, null, MeasurementSource.ResultadoOficialFurag, officialIndex: null, state);
        foreach (var category in db.Categories.ToList().Where(c => scores.ContainsKey(c.Name)))
        {
            measurement.SetScore(category, Score.Measured(scores[category.Name]));
        }

        db.Measurements.Add(measurement);
        db.SaveChanges();
    }

    /// <summary>The seed's measured 2023 scores by category name.</summary>
    private Dictionary<string, decimal> SeedScores2023()
    {
        using var db = Database.CreateDbContext();
        return db.Scores.Where(s => s.Value != null).Select(s => new { s.Category.Name, s.Value }).AsEnumerable()
            .ToDictionary(s => s.Name, s => s.Value!.Value);
    }

    private void AddVigencia2024()
    {
        var scores = new Dictionary<string, decimal>
        {
            ["Transparencia"] = 60m,
            ["Colaboración"] = 20m,
            ["Componente TIC para Gobierno abierto"] = 40m,
            ["Servicios centrados en el usuario"] = 10m,
            ["Trámites y servicios en línea"] = 10m,
            ["TIC para Servicios"] = 20m,
            ["Estrategia de TI"] = 30m,
            ["Gobierno de TI"] = 50m,
            ["Información"] = 80m,
            ["Sistemas de Información"] = 20m,
            ["Servicios Tecnológicos"] = 70m,
            ["Uso y Apropiación"] = 90m,
            ["Capacidades Institucionales"] = 100m,
            ["TIC para la Gestión"] = 70m,
            ["Definición del marco de seguridad y privacidad de la información y de los sistemas de información"] = 80m,
            ["Plan de seguridad y privacidad de la información y de los sistemas de información"] = 80m,
            ["Seguridad y Privacidad de la Información"] = 60m,
        };

        using var db = Database.CreateDbContext();
        var categories = db.Categories.ToList();
        Assert.Equal(scores.Keys.Order(), categories.Select(c => c.Name).Order());
        var measurement = new Measurement(2024, new DateOnly(2025, 5, 30), MeasurementSource.ResultadoOficialFurag, officialIndex: null);
        foreach (var category in categories)
        {
            measurement.SetScore(category, Score.Measured(scores[category.Name]));
        }

        db.Measurements.Add(measurement);
        db.SaveChanges();
    }

    private static IElement Row(IRenderedComponent<Overview> cut, string categoryName) =>
        cut.FindAll("[data-testid=tabla-categorias] tbody tr")
            .Single(r => r.QuerySelector("a.category-link")?.TextContent.Trim() == categoryName);

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
