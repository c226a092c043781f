using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.Core;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test reads a seeded SQLite file of its own (xunit makes a new instance per test). The seed's plan TI.PL03 v1
// answers to vigencia 2023 (its only measurement); its dated improvements are actions from 01/08/2024 to 31/12/2027.
public sealed class PlanServiceTests : SeededDatabaseTestBase
{
    private static readonly SeedPlan SeedPlan = SeedLoader.ReadDocument(SeedFiles.Real).Plan!;

    /// <summary>
    /// What the seed document says the actions are: its dated findings not marked NO APLICA, read as actions (a
    /// «Descripción:» / «Acciones:» continuation is part of its action; ImprovementActionSeedingTests checks the reading).
    /// </summary>
    private static int SeedActionCount => SeedPlan.Findings
        .Where(f => f.Deadline is not null && !f.ImprovementsNotApplicable)
        .Sum(f => ImprovementReading.Actions(f.Improvements).Count);

    private static DateOnly SeedLatestEnd => SeedPlan.Findings.Where(f => f.Deadline is not null).Max(f => f.Deadline!.End);

    [Fact]
    public async Task GetPlanAsync_Seed_HeaderIsTheDocumentsAndTheOnlyVersionIsCurrent()
    {
        var plan = await Service(On(2026, 11, 23)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        var header = plan.Header;
        Assert.Equal(SeedPlan.Title, header.Title);
        Assert.Equal(SeedPlan.Code, header.Code);
        Assert.Equal(SeedPlan.Version, header.Version);
        Assert.Equal(SeedPlan.ApprovedOn, header.ApprovedOn);
        Assert.Equal(SeedPlan.ApprovedBy.Body, header.ApprovedBy);
        Assert.Equal(SeedPlan.ApprovedBy.Act, header.ApprovalAct);
        Assert.Equal(SeedPlan.PreparedBy.Name, header.PreparedBy);
        Assert.Equal(SeedPlan.PreparedBy.Role, header.PreparedByRole);
        Assert.Equal(SeedPlan.PreparedBy.Date, header.PreparedOn);
        Assert.Equal(SeedPlan.MeasuredVigencia, header.MeasuredVigencia);
        Assert.True(header.IsCurrent);
        Assert.Null(header.ReplacedBy);
        Assert.Equal([SeedPlan.Version], header.Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task GetPlanAsync_Seed_FindingsInTheDocumentsOrderAndNoAplicaOnesWithoutActions()
    {
        var plan = await Service(On(2026, 11, 23)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        Assert.Equal(SeedPlan.Findings.Select(f => f.Category), plan.Findings.Select(f => f.CategoryName));
        Assert.Equal(SeedPlan.Findings.Select(f => f.RowScore), plan.Findings.Select(f => f.RowScore));
        Assert.Equal(SeedPlan.Findings.Select(f => f.ImprovementsNotApplicable), plan.Findings.Select(f => f.NotApplicable));
        Assert.All(plan.Findings.Where(f => f.NotApplicable), f => Assert.Empty(f.Actions));
        Assert.Equal(SeedActionCount, plan.Actions.Count);
        Assert.All(plan.Actions, a => Assert.Equal(0, a.EvidenceCount));
    }

    [Fact]
    public async Task GetPlanAsync_TodayAfterEveryEndDate_EverySeededActionIsLate()
    {
        var plan = await Service(On(2028, 1, 15)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        Assert.Equal(new DateOnly(2028, 1, 15), plan.Today);
        Assert.Equal(SeedActionCount, plan.Actions.Count);
        Assert.All(plan.Actions, a => Assert.Equal(ActionStatus.Vencida, a.Status));
        Assert.All(plan.Actions, a => Assert.Equal(ActionStatus.NoIniciada, a.StoredStatus));
        Assert.Equal(new PlanCounters(SeedActionCount, SeedActionCount, DueSoon: 0, Completed: 0, Cancelled: 0), plan.Counters);
    }

    [Fact]
    public async Task GetPlanAsync_TodayBeforeTheEndDates_NoneLateNoneDueSoon()
    {
        var plan = await Service(On(2026, 11, 23)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        Assert.All(plan.Actions, a => Assert.Equal(ActionStatus.NoIniciada, a.Status));
        Assert.Equal(new PlanCounters(SeedActionCount, Late: 0, DueSoon: 0, Completed: 0, Cancelled: 0), plan.Counters);
    }

    [Theory]
    [InlineData(30, true)] // the 30th day ahead still counts
    [InlineData(0, true)] // ending today: not late yet
    [InlineData(31, false)]
    public async Task GetPlanAsync_DaysBeforeTheEndDate_DueSoonWithinThirtyDays(int daysBefore, bool dueSoon)
    {
        var today = SeedLatestEnd.AddDays(-daysBefore);

        var plan = await Service(On(today.Year, today.Month, today.Day)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        Assert.Equal(dueSoon ? SeedActionCount : 0, plan.Counters.DueSoon);
        Assert.Equal(0, plan.Counters.Late);
    }

    [Fact]
    public async Task GetPlanAsync_CompletedAndCancelledActions_AreNeitherLateNorDueAndCountedApart()
    {
        var informacion = ActionIds("Información");
        PlanTestData.Complete(Database, informacion[0], new DateOnly(2025, 3, 1), expectedPoints: null);
        PlanTestData.ChangeAction(Database, informacion[1], a => a.SetFollowUp(ActionStatus.Cancelada, 10));
        PlanTestData.ChangeAction(Database, informacion[2], a => a.SetFollowUp(ActionStatus.EnCurso, 40));

        var plan = await Service(On(2028, 1, 15)).GetPlanAsync(cancellationToken: Ct);

        Assert.NotNull(plan);
        Assert.Equal(new PlanCounters(SeedActionCount, SeedActionCount - 2, DueSoon: 0, Completed: 1, Cancelled: 1), plan.Counters);
        var actions = plan.Actions.ToDictionary(a => a.Id);
        Assert.Equal((ActionStatus.Completada, 100, 1, (DateOnly?)new DateOnly(2025, 3, 1)), Follow(actions[informacion[0]]));
        Assert.Equal((ActionStatus.Cancelada, 10, 0, (DateOnly?)null), Follow(actions[informacion[1]]));
        // In progress but past its end date: shown as late, stored as in progress, progress kept.
        Assert.Equal((ActionStatus.Vencida, 40, 0, (DateOnly?)null), Follow(actions[informacion[2]]));
        Assert.Equal(ActionStatus.EnCurso, actions[informacion[2]].StoredStatus);
    }

    [Fact]
    public async Task GetPlanAsync_AfterReIssue_CurrentIsVersion2AndVersion1IsReplacedOnItsApprovalDate()
    {
        var approvedOn = new DateOnly(2026, 2, 10);
        PlanTestData.ReIssue(Database, approvedOn);
        var service = Service(On(2026, 11, 23));

        var current = await service.GetPlanAsync(cancellationToken: Ct);
        var first = await service.GetPlanAsync(1, Ct);

        Assert.NotNull(current);
        Assert.NotNull(first);
        Assert.Equal(2, current.Header.Version);
        Assert.True(current.Header.IsCurrent);
        Assert.Equal(PlanTestData.ReIssueAct, current.Header.ApprovalAct);
        Assert.False(first.Header.IsCurrent);
        Assert.Equal(new PlanVersionInfo(2, approvedOn, PlanTestData.ReIssueAct), first.Header.ReplacedBy);
        Assert.Equal([1, 2], first.Header.Versions.Select(v => v.Version));
        Assert.Equal(first.Actions.Select(a => a.Description), current.Actions.Select(a => a.Description));
        Assert.Empty(first.Actions.Select(a => a.Id).Intersect(current.Actions.Select(a => a.Id)));
    }

    [Fact]
    public async Task GetPlanAsync_UnknownVersion_Null()
    {
        Assert.Null(await Service(On(2026, 11, 23)).GetPlanAsync(7, Ct));
    }

    [Fact]
    public async Task GetPlanAsync_NoPlan_Null()
    {
        using var empty = new SqliteTestDatabase();
        Assert.Equal(SeedOutcome.NoSeedFile, await DatabaseInitializer.InitializeAsync(empty, SeedFiles.Missing(), Ct));

        var service = new PlanService(empty, On(2026, 11, 23));

        Assert.Null(await service.GetPlanAsync(cancellationToken: Ct));
        Assert.Empty(await service.GetCategoryActionsAsync(1, Ct));
        Assert.Null(await service.GetEffectivenessAsync(null, null, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetCategoryActionsAsync_Transparencia_ItsImprovementsOfTheCurrentVersion()
    {
        PlanTestData.ReIssue(Database, new DateOnly(2026, 2, 10));
        var id = await CategoryIdAsync("Transparencia");

        var actions = await Service(On(2026, 11, 23)).GetCategoryActionsAsync(id, Ct);

        var expected = ImprovementReading.Actions(SeedPlan.Findings.Single(f => f.Category == "Transparencia").Improvements);
        Assert.Equal(expected, actions.Select(a => a.Description));
        Assert.All(actions, a => Assert.Equal(id, a.CategoryId));
        var current = await Service(On(2026, 11, 23)).GetPlanAsync(cancellationToken: Ct);
        Assert.Subset(current!.Actions.Select(a => a.Id).ToHashSet(), actions.Select(a => a.Id).ToHashSet());
    }

    [Fact]
    public async Task GetCategoryActionsAsync_CategoryWithOnlyNoAplicaFindings_Empty()
    {
        var id = await CategoryIdAsync("TIC para Servicios");

        Assert.Empty(await Service(On(2026, 11, 23)).GetCategoryActionsAsync(id, Ct));
    }

    [Fact]
    public async Task GetEffectivenessAsync_NoMeasurementAfterThePlans_EveryCategorySinDatosWithTheReason()
    {
        var model = await Service(On(2026, 11, 23)).GetEffectivenessAsync(null, null, cancellationToken: Ct);

        Assert.NotNull(model);
        Assert.Equal(SeedPlan.MeasuredVigencia, model.FromVigencia);
        Assert.Null(model.ToVigencia);
        Assert.Null(model.Problem);
        Assert.Equal(SeedPlan.Findings.Select(f => f.Category).Distinct().Order(), model.Categories.Select(c => c.CategoryName).Order());
        Assert.All(model.Categories, c =>
        {
            Assert.Equal(EffectivenessVerdict.SinDatos, c.Result.Verdict);
            Assert.Equal($"No hay medición de la vigencia {SeedPlan.MeasuredVigencia + 1}.", c.Result.Reason);
            Assert.Null(c.Result.EffectOnPercentage);
        });
        Assert.Null(model.TotalEffect);
        Assert.Null(model.ActualPercentageChange);
    }

    [Fact]
    public async Task GetEffectivenessAsync_ActionCompletedWithPointsAndA2024Measurement_VerdictAsTheCalculatorSays()
    {
        // 2024: Transparencia 40 → 55,5, Colaboración 0 → 0; the other categories without a score (Σ weights in 2024 = 2).
        PlanTestData.AddMeasurement(Database, 2024, ("Transparencia", 55.5m), ("Colaboración", 0m));
        var transparencia = ActionIds("Transparencia");
        PlanTestData.Complete(Database, transparencia[0], new DateOnly(2024, 6, 30), expectedPoints: 10m);
        PlanTestData.Complete(Database, transparencia[1], new DateOnly(2025, 2, 1), expectedPoints: 30m); // after B: not counted
        var withoutEstimate = PlanTestData.AddAction(Database, "Transparencia", "Publicar el calendario de publicaciones");
        PlanTestData.Complete(Database, withoutEstimate, new DateOnly(2024, 9, 1), expectedPoints: null); // no estimate: not counted
        var colaboracion = ActionIds("Colaboración");
        PlanTestData.Complete(Database, colaboracion[0], new DateOnly(2024, 12, 31), expectedPoints: 5m);

        var model = await Service(On(2026, 11, 23)).GetEffectivenessAsync(null, null, cancellationToken: Ct);

        Assert.NotNull(model);
        Assert.Equal((2023, (int?)2024), (model.FromVigencia, model.ToVigencia));
        var byName = model.Categories.ToDictionary(c => c.CategoryName);

        var transparenciaResult = byName["Transparencia"].Result;
        var expectedTransparencia = EffectivenessCalculator.Evaluate(new EffectivenessInput(
            2023, 2024, Score.Measured(40m), Score.Measured(55.5m), Weight: 1m, WeightSum: 2m, ExpectedGain: 10m, CompletedActions: 1));
        Assert.Equal(expectedTransparencia, transparenciaResult);
        Assert.Equal(EffectivenessVerdict.Eficaz, transparenciaResult.Verdict);
        Assert.Equal(7.75m, transparenciaResult.EffectOnPercentage); // 1 · 15,5 / 2

        var colaboracionResult = byName["Colaboración"].Result;
        Assert.Equal(
            EffectivenessCalculator.Evaluate(new EffectivenessInput(2023, 2024, Score.Measured(0m), Score.Measured(0m), 1m, 2m, 5m, 1)),
            colaboracionResult);
        Assert.Equal(EffectivenessVerdict.SinEfecto, colaboracionResult.Verdict);

        // Información has no 2024 score: not a number, so no verdict.
        Assert.Equal(EffectivenessVerdict.SinDatos, byName["Información"].Result.Verdict);
        Assert.Null(byName["Información"].Result.ActualChange);

        Assert.Equal(7.75m, model.TotalEffect); // 7,75 + 0
        // 2023: 640 / 16 = 40 %; 2024: (55,5 + 0) / 2 = 27,75 %.
        Assert.Equal((40m, 27.75m, -12.25m), (model.FromPercentage!.Value, model.ToPercentage!.Value, model.ActualPercentageChange!.Value));
    }

    [Fact]
    public async Task GetEffectivenessAsync_BNotAfterA_ProblemInSpanishAndNoVerdicts()
    {
        var model = await Service(On(2026, 11, 23)).GetEffectivenessAsync(2023, 2023, cancellationToken: Ct);

        Assert.NotNull(model);
        Assert.Equal("La vigencia B (2023) debe ser posterior a la vigencia A (2023).", model.Problem);
        Assert.Empty(model.Categories);
    }

    /// <summary>Noon in Colombia on the given day.</summary>
    private static FixedTimeProvider On(int year, int month, int day) =>
        new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(-5)));

    private static (ActionStatus, int, int, DateOnly?) Follow(PlanActionModel action) =>
        (action.Status, action.Progress, action.EvidenceCount, action.CompletedOn);

    private PlanService Service(TimeProvider clock) => new(Database, clock);

    private List<int> ActionIds(string category) => PlanTestData.ActionIds(Database, category);
}
