using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Overview;
using GobiernoDigital.Dashboard.Components.Pages.Simulator;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

// The seed, vigencia 2023: 16 measured categories add up to 640 (Gobierno de TI is sin medición), all weights 1: 40,0 %.
// Every test has a database of its own: several save scenarios or change the catalog.
public sealed class SimulatorPageTests : DashboardTestContext
{
    private readonly FakeCurrentUser _user = FakeCurrentUser.Anonymous();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public SimulatorPageTests()
    {
        UseOwnDatabase();
        Services.AddScoped(_ => new SimulatorService(Database, TestAuthorization.Guard(_user), Clock));
    }

    [Fact]
    public void Slider_ColaboracionFrom0To48_RaisesTheFigureFrom40To43()
    {
        var cut = RenderSimulator();

        // (640 + 48) / 16 = 43: the figure rises 48 × 1 / 16 = 3 points.
        SimulatorRow(cut, "Colaboración").QuerySelector("input[type=range]")!.Input("48");

        cut.WaitForAssertion(() => Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado")));
        Assert.Equal("40,0 %", Text(cut, "porcentaje-medido"));
        Assert.Equal("+3,0 puntos", Text(cut, "diferencia"));
        var row = SimulatorRow(cut, "Colaboración");
        Assert.Equal("48,0", row.QuerySelector("input[data-testid=caja-puntaje]")!.GetAttribute("value"));
        Assert.Equal("+48,0", row.QuerySelector("[data-testid=diferencia-categoria]")!.TextContent.Trim());
        // Gobierno Abierto: (40 + 48 + 20) / 3 = 36 against 20 measured.
        var component = ComponentRow(cut, "TIC para Gobierno Abierto");
        Assert.Equal(["20,0 %", "36,0 %", "+16,0"], component.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void NumberBox_TypedWithAComma_MovesTheFigureAndTheSlider()
    {
        var cut = RenderSimulator();

        NumberBox(cut, "Colaboración").Input("48,0");

        cut.WaitForAssertion(() => Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado")));
        var slider = SimulatorRow(cut, "Colaboración").QuerySelector("input[type=range]")!;
        Assert.Equal(48m, decimal.Parse(slider.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("48,0", slider.GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void NumberBox_OutOfRange_SaysWhyNextToTheBoxAndKeepsTheFigure()
    {
        var cut = RenderSimulator();

        NumberBox(cut, "Colaboración").Input("150");

        cut.WaitForAssertion(() => Assert.Contains(
            ValidationRules.ScoreOutOfRange,
            SimulatorRow(cut, "Colaboración").QuerySelector(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Equal("40,0 %", Text(cut, "porcentaje-simulado"));
    }

    [Fact]
    public void Render_Seed_EverySliderAndBoxIsLabelledWithItsCategoryAndTheFigureIsALiveRegion()
    {
        var cut = RenderSimulator();

        var rows = cut.FindAll("[data-testid=fila-simulador]");
        Assert.Equal(17, rows.Count); // no category is No aplica in the seed
        foreach (var row in rows)
        {
            var name = row.QuerySelector("th")!.FirstChild!.TextContent.Trim();
            Assert.Contains(name, row.QuerySelector("input[type=range]")!.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.Contains(name, row.QuerySelector("input[data-testid=caja-puntaje]")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        }

        Assert.Equal("polite", cut.Find("[data-testid=cifra-simulada]").GetAttribute("aria-live"));
        Assert.Contains("Simulación: nada se guarda como medición", cut.Find("[data-testid=aviso-simulacion]").TextContent, StringComparison.Ordinal);
        // w ÷ Σw = 1 / 16 = 0,0625 for every measured category, with one decimal as every figure.
        Assert.Equal("0,1", SimulatorRow(cut, "Transparencia").QuerySelector("[data-testid=puntos-por-punto]")!.TextContent.Trim());
    }

    [Fact]
    public void Render_NoAplicaCategory_HasNoSliderAndIsListedAsNotSimulated()
    {
        SetScore("Colaboración", Score.NotApplicable);

        var cut = RenderSimulator();

        Assert.Equal(16, cut.FindAll("[data-testid=fila-simulador]").Count);
        Assert.Null(SimulatorRowOrNull(cut, "Colaboración"));
        Assert.DoesNotContain(cut.FindAll("input[type=range]"), s => s.GetAttribute("aria-label")!.Contains("Colaboración", StringComparison.Ordinal));
        var notApplicable = cut.Find("[data-testid=no-aplica]").TextContent;
        Assert.Contains("No aplica: no se simula.", notApplicable, StringComparison.Ordinal);
        Assert.Contains("Colaboración", notApplicable, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberBox_SinMedicionGivenAValue_JoinsTheFigureAndSaysSo()
    {
        var cut = RenderSimulator();
        Assert.Equal(string.Empty, NumberBox(cut, "Gobierno de TI").GetAttribute("value") ?? string.Empty);

        NumberBox(cut, "Gobierno de TI").Input("57");

        // Gobierno de TI joins Σw: (640 + 57) / 17 = 41.
        cut.WaitForAssertion(() => Assert.Equal("41,0 %", Text(cut, "porcentaje-simulado")));
        Assert.Contains("«Gobierno de TI» no tenía medición", Text(cut, "categoria-agregada"), StringComparison.Ordinal);
        Assert.Contains("17 de 17 categorías medidas", Text(cut, "cobertura-simulada"), StringComparison.Ordinal);

        SimulatorRow(cut, "Gobierno de TI").QuerySelector("[data-testid=quitar-valor]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("40,0 %", Text(cut, "porcentaje-simulado")));
    }

    [Fact]
    public void Suggestion_Reach50_ListsTheRaisesAndApplyingThemReachesIt()
    {
        var cut = RenderSimulator();

        cut.Find("input[data-testid=campo-objetivo]").Change("50");
        cut.Find("[data-testid=calcular-sugerencia]").Click();

        // 50 % of Σw 16 = 800 weighted points; 640 measured: 160 more. Equal weights: the largest gaps (100) first.
        var raises = cut.WaitForElements("[data-testid=sugerencia-fila]");
        Assert.Equal(2, raises.Count);
        Assert.Equal(["0,0", "100,0", "+100,0"], raises[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["0,0", "60,0", "+60,0"], raises[1].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Contains("Total: 160,0 puntos en 2 categorías", Text(cut, "sugerencia-total"), StringComparison.Ordinal);
        Assert.Contains("50,0 %", Text(cut, "sugerencia-total"), StringComparison.Ordinal);
        Assert.Equal("40,0 %", Text(cut, "porcentaje-simulado")); // nothing moves until it is applied

        cut.Find("[data-testid=aplicar-sugerencia]").Click();

        cut.WaitForAssertion(() => Assert.Equal("50,0 %", Text(cut, "porcentaje-simulado")));
        var first = raises[0].QuerySelector("th")!.TextContent.Trim();
        Assert.Equal("100,0", NumberBox(cut, first).GetAttribute("value"));
        Assert.Contains("ya llegan a 50,0 %", Text(cut, "sugerencia-alcanzada"), StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestion_AboveWhatTheMetasAllow_SaysItCannotAndTheMaximum()
    {
        SetTarget("Transparencia", 80m);
        var cut = RenderSimulator();

        cut.Find("input[data-testid=campo-objetivo]").Change("100");
        cut.Find("[data-testid=calcular-sugerencia]").Click();

        // Every measured category at its meta: (15 × 100 + 80) / 16 = 98,75.
        cut.WaitForAssertion(() => Assert.Contains(
            "No se puede llegar a 100,0 %: aun con cada categoría con puntaje en su meta, el máximo es 98,8 %.",
            Text(cut, "sugerencia-inalcanzable"),
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("la mitad", SuggestionValidator.NotANumber)]
    [InlineData("85%", SuggestionValidator.NotANumber)]
    [InlineData("", SuggestionValidator.Required)]
    [InlineData("120", SuggestionValidator.OutOfRange)]
    [InlineData("85,55", SuggestionValidator.TooManyDecimals)]
    public void Suggestion_NotAFigureFrom0To100_SaysWhatToTypeNextToTheField(string typed, string message)
    {
        var cut = RenderSimulator();

        cut.Find("input[data-testid=campo-objetivo]").Change(typed);
        cut.Find("[data-testid=calcular-sugerencia]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            message,
            cut.Find("[data-testid=panel-sugerencia] .mud-input-control").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=sugerencia]"));
    }

    [Fact]
    public void Reset_AfterMovingSliders_BringsBackTheMeasuredScores()
    {
        var cut = RenderSimulator();
        SimulatorRow(cut, "Colaboración").QuerySelector("input[type=range]")!.Input("48");
        cut.WaitForAssertion(() => Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado")));

        cut.Find("[data-testid=restablecer]").Click();

        cut.WaitForAssertion(() => Assert.Equal("40,0 %", Text(cut, "porcentaje-simulado")));
        Assert.Equal("0,0", NumberBox(cut, "Colaboración").GetAttribute("value"));
    }

    [Fact]
    public void Render_Anonymous_CanSimulateButNotSave()
    {
        var cut = RenderSimulator();

        Assert.Empty(cut.FindAll("[data-testid=guardar-escenario]"));
        Assert.Contains("inicie sesión con una cuenta de Editor", Text(cut, "guardar-requiere-editor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveScenario_Editor_ListsItAndTheOverviewStillShowsTheMeasurement()
    {
        SignInAsEditor();
        var cut = RenderSimulator();
        SimulatorRow(cut, "Colaboración").QuerySelector("input[type=range]")!.Input("48");

        cut.Find("input[data-testid=campo-nombre-escenario]").Change("Colaboración a 48");
        cut.Find("[data-testid=guardar-escenario]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Se guardó el escenario «Colaboración a 48»", Text(cut, "resultado-escenario"), StringComparison.Ordinal));
        var listed = Assert.Single(cut.FindAll("[data-testid=escenario]"));
        Assert.Contains("vigencia 2023 · 1 categoría cambiada", listed.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"/simulador\?escenario=\d+$", Navigation.Uri);
        Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado"));
        var colaboracion = CategoryId("Colaboración");
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            var measured = await db.Measurements.Include(m => m.Scores).SingleAsync(Ct);
            Assert.Equal(0m, measured.Scores.Single(s => s.CategoryId == colaboracion).Score.Value);
        }

        var overview = Render<Overview>();

        overview.WaitForAssertion(() => Assert.Equal("40,0 %", overview.Find("[data-testid=porcentaje]").TextContent));
        Assert.DoesNotContain("Colaboración a 48", overview.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_AfterAScenarioSavedThroughTheService_StillShowsTheMeasurementAndNoScenario()
    {
        SignInAsEditor();
        var service = Services.GetRequiredService<SimulatorService>();
        var saved = await service.SaveScenarioAsync("Todo a 100", 2023, new Dictionary<int, decimal>
        {
            [CategoryId("Colaboración")] = 100m,
            [CategoryId("Transparencia")] = 100m,
        }, Ct);
        Assert.True(saved.Succeeded, saved.Error);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal("40,0 %", cut.Find("[data-testid=porcentaje]").TextContent));
        Assert.Equal("16 de 17 categorías medidas (1 sin medición)", string.Join(' ', cut.Find("[data-testid=cobertura]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("Todo a 100", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Escenario", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveScenario_DuplicateName_ShowsTheSpanishMessage()
    {
        SignInAsEditor();
        await Services.GetRequiredService<SimulatorService>().SaveScenarioAsync(
            "Meta 2025", 2023, new Dictionary<int, decimal> { [CategoryId("Transparencia")] = 60m }, Ct);
        var cut = RenderSimulator();
        SimulatorRow(cut, "Colaboración").QuerySelector("input[type=range]")!.Input("48");

        cut.Find("input[data-testid=campo-nombre-escenario]").Change("meta 2025");
        cut.Find("[data-testid=guardar-escenario]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Ya existe un escenario llamado «Meta 2025»: elija otro nombre.", Text(cut, "resultado-escenario")));
        Assert.Single(cut.FindAll("[data-testid=escenario]"));
    }

    [Fact]
    public async Task Address_WithAScenario_LoadsItsValuesAndDeletingItKeepsTheSliders()
    {
        SignInAsEditor();
        var saved = await Services.GetRequiredService<SimulatorService>().SaveScenarioAsync(
            "Colaboración a 48", 2023, new Dictionary<int, decimal> { [CategoryId("Colaboración")] = 48m }, Ct);
        Navigation.NavigateTo($"/simulador?escenario={saved.ScenarioId}");

        var cut = RenderSimulator();

        cut.WaitForAssertion(() => Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado")));
        Assert.Contains("escenario «Colaboración a 48»", Text(cut, "simulador-subtitulo"), StringComparison.Ordinal);

        cut.Find("[data-testid=eliminar-escenario]").Click();
        cut.Find("[data-testid=confirmar-eliminar]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Se eliminó el escenario «Colaboración a 48».", Text(cut, "resultado-escenario")));
        Assert.Contains("Aún no hay escenarios guardados.", Text(cut, "sin-escenarios"), StringComparison.Ordinal);
        Assert.Equal("43,0 %", Text(cut, "porcentaje-simulado"));
        Assert.EndsWith("/simulador?vigencia=2023", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_UnknownScenario_SaysSoInSpanishAndSimulatesTheLatestVigencia()
    {
        Navigation.NavigateTo("/simulador?escenario=999");

        var cut = RenderSimulator();

        Assert.Contains("El escenario pedido no existe", Text(cut, "simulador-problema"), StringComparison.Ordinal);
        Assert.Equal("40,0 %", Text(cut, "porcentaje-simulado"));
    }

    [Fact]
    public void Address_UnmeasuredVigencia_SaysSoInSpanish()
    {
        Navigation.NavigateTo("/simulador?vigencia=1999");

        var cut = RenderSimulator();

        Assert.Contains("No hay una medición registrada para la vigencia 1999", Text(cut, "simulador-vacio"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=fila-simulador]"));
    }

    private IRenderedComponent<SimulatorPage> RenderSimulator()
    {
        if (!Navigation.Uri.Contains("/simulador", StringComparison.Ordinal))
        {
            Navigation.NavigateTo("/simulador");
        }

        var cut = Render<SimulatorPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    private void SignInAsEditor()
    {
        Auth.SetAuthorized("asesor");
        Auth.SetPolicies(Policies.EditarPuntajes);
        _user.User = FakeCurrentUser.InRole(Roles.Editor, "asesor", "Martha Saldaña").User;
    }

    private void SetScore(string categoryName, Score score)
    {
        using var db = Database.CreateDbContext();
        var category = db.Categories.Single(c => c.Name == categoryName);
        var measurement = db.Measurements.Include(m => m.Scores).Single(m => m.Vigencia == 2023);
        measurement.SetScore(category, score);
        db.SaveChanges();
    }

    private void SetTarget(string categoryName, decimal value)
    {
        using var db = Database.CreateDbContext();
        db.Targets.Add(new Target(db.Categories.Single(c => c.Name == categoryName).Id, 2023, value));
        db.SaveChanges();
    }

    private static string Text(IRenderedComponent<SimulatorPage> cut, string testId) =>
        string.Join(' ', cut.Find($"[data-testid={testId}]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IElement? SimulatorRowOrNull(IRenderedComponent<SimulatorPage> cut, string categoryName) =>
        cut.FindAll("[data-testid=fila-simulador]").SingleOrDefault(r => r.QuerySelector("th")!.FirstChild!.TextContent.Trim() == categoryName);

    private static IElement SimulatorRow(IRenderedComponent<SimulatorPage> cut, string categoryName) =>
        SimulatorRowOrNull(cut, categoryName) ?? throw new InvalidOperationException($"No row for {categoryName}.");

    private static IElement NumberBox(IRenderedComponent<SimulatorPage> cut, string categoryName) =>
        SimulatorRow(cut, categoryName).QuerySelector("input[data-testid=caja-puntaje]")!;

    private static IElement ComponentRow(IRenderedComponent<SimulatorPage> cut, string componentName) =>
        cut.FindAll("[data-testid=componentes-simulados] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == componentName);
}
