using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test reads a seeded SQLite file of its own. The seed: vigencia 2023 (40,0 %), the plan TI.PL03 v1 whose actions
// all end on 31/12/2027, none started.
public sealed class ReportServiceTests : SeededDatabaseTestBase
{
    [Fact]
    public async Task GetReportAsync_NoVigencia_LatestMeasuredWithEntityPlanAndColombianGenerationTime()
    {
        PlanTestData.AddMeasurement(Database, 2022, ("Transparencia", 30m));

        // 03:30 UTC on 24/11/2026 is still 23/11/2026 in Colombia (UTC−5).
        var report = await Service(new DateTimeOffset(2026, 11, 24, 3, 30, 0, TimeSpan.Zero)).GetReportAsync(null, cancellationToken: Ct);

        Assert.NotNull(report);
        Assert.Equal(2023, report.Report.Vigencia);
        Assert.Equal(2022, report.Report.PreviousVigencia);
        Assert.Equal([2023, 2022], report.Vigencias);
        Assert.Equal(new EntityInfo("Concejo Municipal de Cartago", "900.215.967-5"), report.Entity);
        Assert.Equal("23/11/2026 22:30", report.GeneratedAtText);
        Assert.NotNull(report.Plan);
        Assert.Equal(("TI.PL03", 1, new DateOnly(2026, 11, 23)), (report.Plan.Code, report.Plan.Version, report.Plan.Today));
        Assert.Equal((0, 0), (report.Plan.Late.Total, report.Plan.DueSoon.Total));
    }

    [Fact]
    public async Task GetReportAsync_CompletedActionAndA2024Measurement_PlanSectionHasThePlanPagesCountersAndEffectiveness()
    {
        PlanTestData.AddMeasurement(Database, 2024, ("Transparencia", 55.5m), ("Colaboración", 0m));
        var transparencia = PlanTestData.ActionIds(Database, "Transparencia");
        PlanTestData.Complete(Database, transparencia[0], new DateOnly(2024, 6, 30), expectedPoints: 10m);
        PlanTestData.ChangeAction(Database, transparencia[1], a => a.SetDates(new DateRange(a.StartDate, new DateOnly(2025, 3, 31))));
        PlanTestData.ChangeAction(Database, PlanTestData.ActionIds(Database, "Información")[0], a => a.SetDates(new DateRange(a.StartDate, new DateOnly(2026, 12, 1))));
        var clock = new FixedTimeProvider(On(2026, 11, 23));
        var plans = new PlanService(Database, clock);
        var planPage = (await plans.GetPlanAsync(null, Ct))!;
        var effectiveness = (await plans.GetEffectivenessAsync(null, null, cancellationToken: Ct))!;

        var plan = (await Service(On(2026, 11, 23)).GetReportAsync(null, cancellationToken: Ct))!.Plan!;

        Assert.Equal(planPage.Counters, plan.Counters);
        Assert.Equal((1, 1, 1), (plan.Counters.Completed, plan.Counters.Late, plan.Counters.DueSoon));
        Assert.Equal((plan.Counters.Late, plan.Counters.DueSoon), (plan.Late.Total, plan.DueSoon.Total));
        Assert.NotNull(plan.Effectiveness);
        Assert.Equal((effectiveness.FromVigencia, effectiveness.ToVigencia, effectiveness.TotalEffect), (plan.Effectiveness.FromVigencia, plan.Effectiveness.ToVigencia, plan.Effectiveness.TotalEffect));
        Assert.Equal(effectiveness.Categories.Select(c => (c.CategoryName, c.Result.Verdict)), plan.Effectiveness.Categories.Select(c => (c.CategoryName, c.Result.Verdict)));
        var eficaz = Assert.Single(plan.Verdicts, v => v.Verdict == EffectivenessVerdict.Eficaz);
        Assert.Equal(["Transparencia"], eficaz.Categories);
        Assert.Equal(effectiveness.Categories.Count, plan.Verdicts.Sum(v => v.Categories.Count));
        Assert.Equal(EffectivenessVerdict.SinDatos, plan.Verdicts[^1].Verdict);
    }

    [Fact]
    public async Task GetReportAsync_UnknownVigencia_Null()
    {
        Assert.Null(await Service(On(2026, 11, 23)).GetReportAsync(1999, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetReportAsync_AfterThePlansEnd_ListsTheFirstTenByEndDateAndCountsThemAll()
    {
        var transparencia = PlanTestData.ActionIds(Database, "Transparencia");
        PlanTestData.ChangeAction(Database, transparencia[1], a => a.SetDates(new DateRange(a.StartDate, new DateOnly(2025, 3, 31))));
        PlanTestData.Complete(Database, transparencia[0], new DateOnly(2027, 6, 1));
        var open = OpenActionCount();

        var plan = (await Service(On(2028, 1, 15)).GetReportAsync(null, cancellationToken: Ct))!.Plan!;

        Assert.Equal(open, plan.Late.Total);
        Assert.Equal(ReportService.ListedActions, plan.Late.Listed.Count);
        Assert.Equal(open - ReportService.ListedActions, plan.Late.NotListed);
        // The earliest end date first; the completed action is not late.
        Assert.Equal(transparencia[1], plan.Late.Listed[0].Id);
        Assert.DoesNotContain(plan.Late.Listed, a => a.Id == transparencia[0]);
        Assert.All(plan.Late.Listed, a => Assert.Equal(ActionStatus.Vencida, a.Status));
        Assert.Equal(0, plan.DueSoon.Total);
    }

    [Fact]
    public async Task GetWorkbookAsync_AfterThePlansEnd_ListsEveryLateActionNotJustTheFirstTen()
    {
        var open = OpenActionCount();

        var file = await Service(On(2028, 1, 15)).GetWorkbookAsync(2023, Ct);

        Assert.NotNull(file);
        Assert.Equal("informe-2023.xlsx", file.FileName);
        var actions = SpreadsheetFiles.Rows(file.Content, ReportExport.ActionsSheetName);
        Assert.True(open > ReportService.ListedActions, "the seed needs more open actions than the page lists");
        Assert.Equal(open, actions.Count);
        Assert.All(actions, a => Assert.Equal(["Vencida", "Vencida"], [a["Lista"], a["Estado"]]));
        Assert.Equal(new DateTime(2027, 12, 31), actions[0]["Fecha final"]);
        var summary = Assert.Single(SpreadsheetFiles.Rows(file.Content, ReportExport.SummarySheetName));
        Assert.Equal((double)open, summary["Acciones vencidas"]);
        Assert.Equal(0d, summary["Acciones que vencen en 30 días"]);
        Assert.Equal(new DateTime(2028, 1, 15), summary["Generado el"]);
    }

    [Fact]
    public async Task GetWorkbookAsync_WithAPreviousVigencia_ChangesInSummaryAndCategories()
    {
        // 2022: Transparencia 30 and nothing else, so 30,0 %; 2023 is 40,0 %: +10 points; Transparencia 30 → 40.
        PlanTestData.AddMeasurement(Database, 2022, ("Transparencia", 30m));

        var file = await Service(On(2026, 11, 23)).GetWorkbookAsync(2023, Ct);

        var summary = Assert.Single(SpreadsheetFiles.Rows(file!.Content, ReportExport.SummarySheetName));
        Assert.Equal([2022d, 30d, 10d], new[] { summary["Vigencia anterior"], summary["Porcentaje de cumplimiento anterior"], summary["Cambio en puntos"] });
        var transparencia = SpreadsheetFiles.Rows(file.Content, ReportExport.CategoriesSheetName).Single(r => (string?)r["Categoría"] == "Transparencia");
        Assert.Equal([30d, 10d], new[] { transparencia["Puntaje anterior"], transparencia["Cambio"] });
    }

    private ReportService Service(DateTimeOffset now)
    {
        var clock = new FixedTimeProvider(now);
        return new ReportService(new ComplianceService(Database), new PlanService(Database, clock), clock);
    }

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(-5));

    private int OpenActionCount()
    {
        using var db = Database.CreateDbContext();
        return db.Actions.Count(a => a.Status == ActionStatus.NoIniciada || a.Status == ActionStatus.EnCurso);
    }
}
