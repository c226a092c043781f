using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Pages.Projection;
using GobiernoDigital.Dashboard.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

// The seed: one measurement (vigencia 2023, 40,0 %; Transparencia 40), plan TI.PL03 whose deadlines end on 31/12/2027.
public sealed class ProjectionPageTests : DashboardTestContext
{
    public ProjectionPageTests()
    {
        UseOwnDatabase();
        Services.AddScoped(sp => new ProjectionService(Database, sp.GetRequiredService<PlanService>()));
    }

    [Fact]
    public void Render_SeedWithOneMeasurement_ShowsOnlyTheNeededPace()
    {
        var cut = RenderProjection();

        Assert.Contains("Con una sola medición solo se puede mostrar el ritmo necesario", Text(cut.Find("[data-testid=una-medicion]")), StringComparison.Ordinal);
        Assert.Contains("vigencia 2027 (el plan de mejoramiento vigente termina el 31/12/2027)", Text(cut.Find("[data-testid=horizonte]")), StringComparison.Ordinal);

        // Transparencia: 40 in 2023, meta 100 by 2027: (100 − 40) ÷ 4 = 15 points a year.
        var transparencia = Row(cut, "tabla-proyeccion-categorias", "Transparencia");
        Assert.Equal("40,0 (2023)", Cell(transparencia, "Último valor"));
        Assert.Equal("100,0 (2027)", Cell(transparencia, "Meta"));
        Assert.Equal("15,0", Cell(transparencia, "Ritmo necesario"));
        Assert.Equal("—", Cell(transparencia, "Ritmo observado"));
        Assert.Equal("—", Cell(transparencia, "Al ritmo observado"));
        Assert.Equal("Solo una medición", Cell(transparencia, "Estado"));

        // Overall: 40,0 % with every meta at 100: the same 15 points a year.
        var overall = Row(cut, "tabla-proyeccion-general", "Porcentaje de Cumplimiento");
        Assert.Equal("15,0", Cell(overall, "Ritmo necesario"));
        Assert.Contains("= 100,0 %", Text(cut.Find("[data-testid=meta-general]")), StringComparison.Ordinal);

        // Gobierno de TI has no score: listed, nothing projected.
        var gobiernoTi = Row(cut, "tabla-proyeccion-categorias", "Gobierno de TI");
        Assert.Equal("Sin medición", Cell(gobiernoTi, "Último valor"));
        Assert.Equal("Sin mediciones", Cell(gobiernoTi, "Estado"));
    }

    [Fact]
    public void Render_SeedWithOneMeasurement_ChartsHaveNoObservedLineAndAWrittenSummary()
    {
        var cut = RenderProjection();

        var charts = cut.FindAll("[data-testid=grafico-proyeccion]");
        Assert.Equal(2, charts.Count); // the overall figure and the chosen category
        Assert.All(charts, c => Assert.DoesNotContain("Proyectado", c.TextContent, StringComparison.Ordinal));
        Assert.All(charts, c => Assert.Contains("Necesario", c.TextContent, StringComparison.Ordinal));
        Assert.Equal(
            "Porcentaje de Cumplimiento: 40,0 en 2023; meta 100,0 en 2027. Ritmo necesario: 15,0 puntos por año. " +
            "Con una sola medición solo se puede mostrar el ritmo necesario. Las cifras están en la tabla.",
            charts[0].GetAttribute("aria-label"));
        // The X axis runs from the measured vigencia to the horizon.
        Assert.Equal(["2023", "2024", "2025", "2026", "2027"], charts[0].QuerySelectorAll("svg text").Select(t => t.TextContent.Trim()).Where(t => t.StartsWith("202", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_SecondMeasurement_ShowsTheObservedPaceWhereItLeadsAndTheStatus()
    {
        AddVigencia2024(transparencia: 50m, colaboracion: 100m);

        var cut = RenderProjection();

        Assert.Empty(cut.FindAll("[data-testid=una-medicion]"));
        // Transparencia 40 → 50: 10 a year observed; needed (100 − 50) ÷ 3 = 16,7; at 10 a year 2027 ends at 80.
        var transparencia = Row(cut, "tabla-proyeccion-categorias", "Transparencia");
        Assert.Equal("50,0 (2024)", Cell(transparencia, "Último valor"));
        Assert.Equal("16,7", Cell(transparencia, "Ritmo necesario"));
        Assert.Equal("+10,0", Cell(transparencia, "Ritmo observado"));
        Assert.Equal("llegaría a 80,0 en 2027", Cell(transparencia, "Al ritmo observado"));
        Assert.Equal("No alcanza", Cell(transparencia, "Estado"));
        Assert.Equal("Meta alcanzada", Cell(Row(cut, "tabla-proyeccion-categorias", "Colaboración"), "Estado"));
        Assert.Contains("Proyectado (ritmo observado)", cut.FindAll("[data-testid=grafico-proyeccion]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SecondMeasurementAheadOfPace_IsOnTrack()
    {
        // Transparencia 40 → 80: 40 a year; at that pace it passes 100 before 2027.
        AddVigencia2024(transparencia: 80m, colaboracion: 0m);

        var cut = RenderProjection();

        var transparencia = Row(cut, "tabla-proyeccion-categorias", "Transparencia");
        Assert.Equal("llegaría a 100,0 en 2027", Cell(transparencia, "Al ritmo observado"));
        Assert.Equal("En camino", Cell(transparencia, "Estado"));
    }

    [Fact]
    public void Render_MetasChangeByYear_ProjectsAgainstTheHorizonYearsMetaAndSaysWhichOne()
    {
        // Issue 12's worked example: Transparencia 40 (2023), 55 (2024), 65 (2025); metas 80 (2025), 85 (2026), 100 (2027).
        // Observed (65 − 40) ÷ 2 = 12,5 a year → 90 in 2027: past 2025's 80 («En camino» before), short of 2027's 100.
        AddVigencia(2024, transparencia: 55m);
        AddVigencia(2025, transparencia: 65m);
        SetTransparenciaMetas(new() { [2025] = 80m, [2026] = 85m, [2027] = 100m });

        var cut = RenderProjection();

        var transparencia = Row(cut, "tabla-proyeccion-categorias", "Transparencia");
        Assert.Equal("65,0 (2025)", Cell(transparencia, "Último valor"));
        Assert.Equal("100,0 (2027)", Cell(transparencia, "Meta"));
        Assert.Equal("17,5", Cell(transparencia, "Ritmo necesario"));
        Assert.Equal("llegaría a 90,0 en 2027", Cell(transparencia, "Al ritmo observado"));
        Assert.Equal("No alcanza", Cell(transparencia, "Estado"));
        Assert.Contains("Metas usadas: las de la vigencia 2027", Text(cut.Find("[data-testid=metas-usadas]")), StringComparison.Ordinal);
        Assert.Contains("Meta general de 2027", Text(cut.Find("[data-testid=meta-general]")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutAPlan_FallsBackTo2027AndSaysSo()
    {
        using (var db = Database.CreateDbContext())
        {
            db.Plans.RemoveRange(db.Plans);
            db.SaveChanges();
        }

        var cut = RenderProjection();

        Assert.Contains("vigencia 2027 (no hay un plan con fechas", Text(cut.Find("[data-testid=horizonte]")), StringComparison.Ordinal);
        Assert.Equal("15,0", Cell(Row(cut, "tabla-proyeccion-categorias", "Transparencia"), "Ritmo necesario"));
    }

    [Fact]
    public void Render_NothingMeasured_SaysSo()
    {
        using (var db = Database.CreateDbContext())
        {
            db.Measurements.RemoveRange(db.Measurements);
            db.SaveChanges();
        }

        var cut = RenderProjection();

        Assert.Contains("Aún no hay mediciones registradas", cut.Find("[data-testid=proyeccion-vacia]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ProjectionPage> RenderProjection()
    {
        Navigation.NavigateTo("/proyeccion");
        var cut = Render<ProjectionPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    /// <summary>Records vigencia 2024 with the seed's 2023 scores except Transparencia and Colaboración.</summary>
    private void AddVigencia2024(decimal transparencia, decimal colaboracion) => AddVigencia(2024, transparencia, colaboracion);

    /// <summary>Records a vigencia with the seed's 2023 scores except Transparencia and (when given) Colaboración.</summary>
    private void AddVigencia(int vigencia, decimal transparencia, decimal? colaboracion = null)
    {
        using var db = Database.CreateDbContext();
        var previous = db.Measurements.Include(m => m.Scores).Single(m => m.Vigencia == 2023);
        var measurement = new Measurement(vigencia, null, MeasurementSource.Autodiagnostico, officialIndex: null);
        foreach (var category in db.Categories.ToList())
        {
            var score = category.Name switch
            {
                "Transparencia" => Score.Measured(transparencia),
                "Colaboración" when colaboracion is { } c => Score.Measured(c),
                _ => previous.Scores.FirstOrDefault(s => s.CategoryId == category.Id)?.Score ?? Score.NotMeasured,
            };
            measurement.SetScore(category, score);
        }

        db.Measurements.Add(measurement);
        db.SaveChanges();
    }

    private void SetTransparenciaMetas(Dictionary<int, decimal> metas)
    {
        using var db = Database.CreateDbContext();
        var transparencia = db.Categories.Single(c => c.Name == "Transparencia");
        foreach (var (vigencia, value) in metas)
        {
            db.Targets.Add(new Target(transparencia.Id, vigencia, value));
        }

        db.SaveChanges();
    }

    private static IElement Row(IRenderedComponent<ProjectionPage> cut, string table, string name) =>
        cut.FindAll($"[data-testid={table}] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == name);

    private static string Cell(IElement row, string label) => Text(row.QuerySelector($"td[data-label='{label}']")!);

    private static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
