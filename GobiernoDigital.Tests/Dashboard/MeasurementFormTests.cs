using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Components.Pages.Measurements;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>
/// The new-measurement and edit pages over the real <see cref="MeasurementService"/> and a seeded database of each
/// test's own (vigencia 2023: Transparencia 40, Colaboración 0, Gobierno de TI sin medición). The user is an editor.
/// </summary>
public sealed class MeasurementFormTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly FakeCurrentUser _editor = FakeCurrentUser.InRole(Roles.Editor, "asesor", "Martha Saldaña");

    public MeasurementFormTests()
    {
        var clock = new FixedTimeProvider(Now);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddScoped(_ => new MeasurementService(Database, TestAuthorization.Guard(_editor), clock));
    }

    [Fact]
    public async Task NewMeasurement_ScoreTypedWrongInOneRow_MessageNextToThatFieldAndNothingSaved()
    {
        var cut = RenderNew();
        var before = await Database.ContentHashAsync();
        FillEveryRow(cut);
        ScoreField(cut, "Transparencia").Change("45,55");

        cut.Find("[data-testid=guardar-medicion]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "El puntaje admite como máximo un decimal.",
            FieldControl(ScoreField(cut, "Transparencia")).TextContent,
            StringComparison.Ordinal));
        // Only that field: the other rows, typed right, show their hint and no message.
        var colaboracion = FieldControl(ScoreField(cut, "Colaboración"));
        Assert.DoesNotContain("El puntaje", colaboracion.TextContent, StringComparison.Ordinal);
        Assert.Contains("En 2023: 0,0", colaboracion.TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".mud-input-control"), c => c.QuerySelector(".mud-input-helper-text.mud-input-error") is not null);
        Assert.Contains("No se guardó nada", cut.Find("[data-testid=resultado-medicion]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task NewMeasurement_EveryRowTypedRight_SavesAndOpensTheOverviewOfTheVigencia()
    {
        var cut = RenderNew();
        var typed = FillEveryRow(cut);

        cut.Find("[data-testid=guardar-medicion]").Click();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/?vigencia=2024", Navigation.Uri));
        await using var db = await Database.CreateDbContextAsync(Ct);
        var saved = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category)
            .SingleAsync(m => m.Vigencia == 2024, Ct);
        Assert.Equal(typed, saved.Scores.ToDictionary(s => s.Category.Name, s => s.Score));
    }

    [Fact]
    public async Task NewMeasurement_VigenciaAlreadyRecorded_SaysSoWithALinkToEditIt()
    {
        var cut = RenderNew();
        cut.Find("input[data-testid=campo-vigencia]").Change("2023");
        // The rows are now those of 2023, with no earlier vigencia to show.
        cut.WaitForAssertion(() => Assert.DoesNotContain("En 2023", cut.Find("[data-testid=filas-medicion]").TextContent, StringComparison.Ordinal));
        FillEveryRow(cut);
        var before = await Database.ContentHashAsync();

        cut.Find("[data-testid=guardar-medicion]").Click();

        var alert = cut.WaitForElement("[data-testid=resultado-medicion]");
        Assert.Contains("Ya existe una medición de la vigencia 2023: ábrala para editarla.", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal("/mediciones/2023/editar", alert.QuerySelector("[data-testid=editar-existente]")!.GetAttribute("href"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task NewMeasurement_DateBeforeTheVigenciaAndIndexWithTwoDecimals_MessagesNextToThoseFieldsAndNothingSaved()
    {
        var cut = RenderNew();
        var before = await Database.ContentHashAsync();
        FillEveryRow(cut);
        cut.Find("input[placeholder='dd/mm/aaaa']").Change("31/12/2023");
        cut.Find("input[data-testid=campo-indice]").Change("72,45");

        cut.Find("[data-testid=guardar-medicion]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "La fecha no puede ser anterior al 01/01/2024, el inicio de la vigencia.",
            FieldControl(cut.Find("input[placeholder='dd/mm/aaaa']")).TextContent,
            StringComparison.Ordinal));
        Assert.Contains(
            "El Índice de Gobierno Digital admite como máximo un decimal.",
            FieldControl(cut.Find("input[data-testid=campo-indice]")).TextContent,
            StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public void NewMeasurement_NoAplicaChosen_DisablesTheScoreField()
    {
        var cut = RenderNew();

        Radio(cut, "Colaboración", "No aplica").Click();

        cut.WaitForAssertion(() => Assert.True(ScoreField(cut, "Colaboración").HasAttribute("disabled")));
        Assert.False(ScoreField(cut, "Transparencia").HasAttribute("disabled"));
    }

    [Fact]
    public void NewMeasurement_EveryFieldHasAnAccessibleName()
    {
        var cut = RenderNew();

        var rows = cut.FindAll("tr[data-testid=fila-medicion]");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var name = row.QuerySelector("[data-testid=fila-categoria]")!.TextContent.Trim();
            Assert.Equal($"Puntaje de {name}", row.QuerySelector("input[data-testid=campo-puntaje]")!.GetAttribute("aria-label"));
            Assert.Equal($"Observación de {name}", row.QuerySelector("[data-testid=campo-observacion]")!.GetAttribute("aria-label"));
            Assert.Equal($"Estado del puntaje de {name}", row.QuerySelector("[role=radiogroup]")!.GetAttribute("aria-label"));
        }

        Assert.Equal("Nueva medición", cut.Find("h1").TextContent.Trim());
    }

    [Fact]
    public async Task EditMeasurement_AnotherUserSavedMeanwhile_ConflictMessageAndTheCurrentValuesShown()
    {
        var cut = Render<MeasurementEdit>(p => p.Add(c => c.Vigencia, 2023));
        cut.WaitForElement("[data-testid=filas-medicion]");
        Assert.Equal("40,0", ScoreField(cut, "Transparencia").GetAttribute("value"));
        var other = new ScoreEditingService(Database, TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Editor, "otra")), new FixedTimeProvider(Now));
        Assert.True((await other.SetScoreAsync(CategoryId("Transparencia"), 2023, Score.Measured(70m), null, Ct)).Succeeded);
        var afterOther = await Database.ContentHashAsync();
        ScoreField(cut, "Colaboración").Change("35");

        cut.Find("[data-testid=guardar-medicion]").Click();

        var alert = cut.WaitForElement("[data-testid=resultado-medicion]");
        Assert.Contains(MeasurementService.ConflictMessage, alert.TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal("70,0", ScoreField(cut, "Transparencia").GetAttribute("value")));
        Assert.Equal("0,0", ScoreField(cut, "Colaboración").GetAttribute("value"));
        Assert.Equal(afterOther, await Database.ContentHashAsync());
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task EditMeasurement_UnknownVigencia_CallsNotFoundInsteadOfThrowing()
    {
        var notFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Navigation.OnNotFound += (_, _) => notFound.TrySetResult();

        var cut = Render<MeasurementEdit>(p => p.Add(c => c.Vigencia, 2030));

        await notFound.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Empty(cut.FindAll("h1"));
        Assert.Empty(cut.FindAll("[data-testid=filas-medicion]"));
    }

    [Fact]
    public async Task NewMeasurement_StartFromThePreviousOne_CopiesEveryScoreAndSavesWithOnlyTheTwoChanged()
    {
        var cut = RenderNew();

        cut.Find("[data-testid=partir-de-anterior]").Click();

        // Every category of 2023 comes over (Gobierno de TI as «Sin medición»); nothing is saved yet.
        cut.WaitForAssertion(() => Assert.Equal("40,0", ScoreField(cut, "Transparencia").GetAttribute("value")));
        Assert.True(Radio(cut, "Gobierno de TI", "Sin medición").HasAttribute("checked"));
        Assert.Contains(
            "Se copiaron 17 puntajes de la medición de 2023: cambie solo los que variaron y guarde.",
            cut.Find("[data-testid=resultado-medicion]").TextContent,
            StringComparison.Ordinal);
        ScoreField(cut, "Transparencia").Change("55");
        ScoreField(cut, "Colaboración").Change("12,5");

        cut.Find("[data-testid=guardar-medicion]").Click();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/?vigencia=2024", Navigation.Uri));
        await using var db = await Database.CreateDbContextAsync(Ct);
        var scores = await db.Scores.Include(s => s.Category).Join(db.Measurements, s => s.MeasurementId, m => m.Id, (s, m) => new { m.Vigencia, s })
            .ToListAsync(Ct);
        var before = scores.Where(x => x.Vigencia == 2023).ToDictionary(x => x.s.Category.Name, x => x.s.Score);
        var after = scores.Where(x => x.Vigencia == 2024).ToDictionary(x => x.s.Category.Name, x => x.s.Score);
        before["Transparencia"] = Score.Measured(55m);
        before["Colaboración"] = Score.Measured(12.5m);
        Assert.Equal(before, after);
    }

    private IRenderedComponent<MeasurementNew> RenderNew()
    {
        var cut = Render<MeasurementNew>();
        cut.WaitForElement("[data-testid=filas-medicion]");
        return cut;
    }

    /// <summary>Types a distinct score in every row (10, 15, 20…) but Gobierno de TI, left «Sin medición» as in the seed.</summary>
    private static Dictionary<string, Score> FillEveryRow(IRenderedComponent<IComponent> cut)
    {
        var typed = new Dictionary<string, Score>();
        var names = cut.FindAll("[data-testid=fila-categoria]").Select(e => e.TextContent.Trim()).ToList();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            if (name == "Gobierno de TI")
            {
                Radio(cut, name, "Sin medición").Click();
                typed[name] = Score.NotMeasured;
                continue;
            }

            var value = 10m + (index * 5m);
            ScoreField(cut, name).Change(value.ToString(EsCo.Culture));
            typed[name] = Score.Measured(value);
        }

        return typed;
    }

    private static IElement RowOf(IRenderedComponent<IComponent> cut, string categoryName) =>
        cut.FindAll("tr[data-testid=fila-medicion]").Single(r => r.QuerySelector("[data-testid=fila-categoria]")!.TextContent.Trim() == categoryName);

    private static IElement ScoreField(IRenderedComponent<IComponent> cut, string categoryName) =>
        RowOf(cut, categoryName).QuerySelector("input[data-testid=campo-puntaje]")!;

    private static IElement Radio(IRenderedComponent<IComponent> cut, string categoryName, string label) =>
        RowOf(cut, categoryName).QuerySelectorAll("label.mud-radio").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    private static IElement FieldControl(IElement input) => input.Closest(".mud-input-control")!;
}
