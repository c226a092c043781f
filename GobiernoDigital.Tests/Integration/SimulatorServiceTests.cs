using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test has a seeded SQLite file of its own (SeededDatabaseTestBase): vigencia 2023 only, Colaboración 0, Transparencia 40, Gobierno de TI sin medición.
public sealed class SimulatorServiceTests : SeededDatabaseTestBase
{
    private const int Vigencia = 2023;

    private int _colaboracion;
    private int _transparencia;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _colaboracion = await CategoryIdAsync("Colaboración");
        _transparencia = await CategoryIdAsync("Transparencia");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SaveScenarioAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var before = await Database.ContentHashAsync();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service(UserIn(role)).SaveScenarioAsync("Intento", Vigencia, Values((_colaboracion, 50m)), Ct));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Administrador)]
    public async Task SaveScenarioAsync_EditorOrAdministrador_SavesItAuditedAndApart(string role)
    {
        var result = await Service(FakeCurrentUser.InRole(role, "asesor", "Martha Saldaña"))
            .SaveScenarioAsync("  Colaboración a 50 ", Vigencia, Values((_colaboracion, 50m), (_transparencia, 60.5m)), Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await Database.CreateDbContextAsync(Ct);
        var scenario = await db.Scenarios.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(result.ScenarioId, scenario.Id);
        Assert.Equal(("Colaboración a 50", Vigencia, "Martha Saldaña", Now.UtcDateTime), (scenario.Name, scenario.BaseVigencia, scenario.CreatedBy, scenario.CreatedAtUtc));
        Assert.Equal([new ScenarioValue(_colaboracion, 50m), new ScenarioValue(_transparencia, 60.5m)], scenario.Values.OrderBy(v => v.CategoryId == _colaboracion ? 0 : 1));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((AuditAction.Creado, "Escenario", "Martha Saldaña", Now.UtcDateTime), (entry.Action, entry.EntityType, entry.UserName, entry.OccurredAtUtc));
        // The measurement is untouched.
        var measured = await db.Measurements.AsNoTracking().Include(m => m.Scores).SingleAsync(Ct);
        Assert.Equal(0m, measured.Scores.Single(s => s.CategoryId == _colaboracion).Score.Value);
        Assert.Equal(40m, measured.Scores.Single(s => s.CategoryId == _transparencia).Score.Value);
    }

    [Fact]
    public async Task SaveScenarioAsync_Editor_LeavesTheOverviewAndTheExportsOfMeasuredDataUnchanged()
    {
        var compliance = new ComplianceService(Database);
        var export = new ExportService(Database, new FixedTimeProvider(Now));
        var overviewBefore = await compliance.GetOverviewAsync(null, Ct);
        var csvBefore = (await export.GetScoresAsync(Vigencia, SpreadsheetFormat.Csv, Ct))!.Content;

        var result = await Service(UserIn(Roles.Editor)).SaveScenarioAsync("Todo a 100", Vigencia, Values((_colaboracion, 100m), (_transparencia, 100m)), Ct);

        Assert.True(result.Succeeded, result.Error);
        var overviewAfter = await compliance.GetOverviewAsync(null, Ct);
        Assert.Equal(40m, overviewAfter!.Report.Percentage);
        Assert.Equal(overviewBefore!.Vigencias, overviewAfter.Vigencias);
        Assert.Equal(overviewBefore.Report.Categories.Select(c => c.Score), overviewAfter.Report.Categories.Select(c => c.Score));
        Assert.Equal(csvBefore, (await export.GetScoresAsync(Vigencia, SpreadsheetFormat.Csv, Ct))!.Content);
    }

    [Theory]
    [InlineData("Meta 2025")]
    [InlineData("  meta 2025 ")]
    [InlineData("META 2025")]
    public async Task SaveScenarioAsync_NameAlreadyUsed_SpanishMessageAndNothingWritten(string name)
    {
        var editor = Service(UserIn(Roles.Editor));
        Assert.True((await editor.SaveScenarioAsync("Meta 2025", Vigencia, Values((_colaboracion, 10m)), Ct)).Succeeded);
        var before = await Database.ContentHashAsync();

        var result = await editor.SaveScenarioAsync(name, Vigencia, Values((_transparencia, 90m)), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("Ya existe un escenario llamado «Meta 2025»: elija otro nombre.", result.Error);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveScenarioAsync_AccentsIgnoredInTheName_IsADuplicate()
    {
        var editor = Service(UserIn(Roles.Editor));
        await editor.SaveScenarioAsync("Colaboración a 50", Vigencia, Values((_colaboracion, 50m)), Ct);

        var result = await editor.SaveScenarioAsync("colaboracion a 50", Vigencia, Values((_colaboracion, 60m)), Ct);

        Assert.Equal("Ya existe un escenario llamado «Colaboración a 50»: elija otro nombre.", result.Error);
    }

    [Fact]
    public async Task SaveScenarioAsync_InvalidInput_SpanishMessageAndNothingWritten()
    {
        var editor = Service(UserIn(Roles.Editor));
        var before = await Database.ContentHashAsync();

        Assert.Equal(ScenarioNameValidator.NameRequired, (await editor.SaveScenarioAsync("  ", Vigencia, Values((_colaboracion, 50m)), Ct)).Error);
        Assert.Equal(
            "El nombre admite como máximo 120 caracteres.",
            (await editor.SaveScenarioAsync(new string('x', Scenario.NameMaxLength + 1), Vigencia, Values((_colaboracion, 50m)), Ct)).Error);
        Assert.StartsWith("El escenario no cambia ningún puntaje", (await editor.SaveScenarioAsync("Vacío", Vigencia, Values(), Ct)).Error, StringComparison.Ordinal);
        Assert.Equal("El puntaje debe estar entre 0 y 100.", (await editor.SaveScenarioAsync("Fuera", Vigencia, Values((_colaboracion, 101m)), Ct)).Error);
        Assert.Equal("El puntaje admite como máximo un decimal.", (await editor.SaveScenarioAsync("Decimales", Vigencia, Values((_colaboracion, 45.55m)), Ct)).Error);
        Assert.Equal("No hay una medición registrada para la vigencia 2019.", (await editor.SaveScenarioAsync("Otra", 2019, Values((_colaboracion, 50m)), Ct)).Error);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveScenarioAsync_NoAplicaCategory_IsRefusedWithItsName()
    {
        await SetScoreAsync(_colaboracion, Score.NotApplicable);

        var result = await Service(UserIn(Roles.Editor)).SaveScenarioAsync("No aplica", Vigencia, Values((_colaboracion, 50m)), Ct);

        Assert.Equal("«Colaboración» no aplica: no se puede simular.", result.Error);
        await using var db = await Database.CreateDbContextAsync(Ct);
        Assert.False(await db.Scenarios.AnyAsync(Ct));
    }

    [Fact]
    public async Task LoadScenarioAsync_CategoryNowNoAplica_IgnoresItsValueWithANote()
    {
        var saved = await Service(UserIn(Roles.Editor)).SaveScenarioAsync("Dos", Vigencia, Values((_colaboracion, 50m), (_transparencia, 70m)), Ct);
        await SetScoreAsync(_colaboracion, Score.NotApplicable);

        var loaded = await Service(FakeCurrentUser.Anonymous()).LoadScenarioAsync(saved.ScenarioId!.Value, Ct);

        Assert.Null(loaded.Error);
        Assert.Equal(new Dictionary<int, decimal> { [_transparencia] = 70m }, loaded.Start!.Values);
        Assert.Equal("«Colaboración» es No aplica en 2023: no se simula y su valor simulado (50,0) no se usa.", Assert.Single(loaded.Start.Notes));
        Assert.Equal(("Dos", 2, Vigencia), (loaded.Start.Scenario!.Name, loaded.Start.Scenario.ValueCount, loaded.Start.Measured.Vigencia));
    }

    [Fact]
    public async Task LoadScenarioAsync_CategoryRetiredFromTheVigencia_IgnoresItsValueWithANote()
    {
        var saved = await Service(UserIn(Roles.Editor)).SaveScenarioAsync("Retirada", Vigencia, Values((_colaboracion, 50m)), Ct);
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            (await db.Categories.SingleAsync(c => c.Id == _colaboracion, Ct)).Retire(Vigencia);
            await db.SaveChangesAsync(Ct);
        }

        var loaded = await Service(FakeCurrentUser.Anonymous()).LoadScenarioAsync(saved.ScenarioId!.Value, Ct);

        Assert.Empty(loaded.Start!.Values);
        Assert.Equal("«Colaboración» ya no aplica a la vigencia 2023: su valor simulado (50,0) no se usa.", Assert.Single(loaded.Start.Notes));
    }

    [Fact]
    public async Task LoadScenarioAsync_Unknown_SaysSo()
    {
        var loaded = await Service(FakeCurrentUser.Anonymous()).LoadScenarioAsync(12345, Ct);

        Assert.Null(loaded.Start);
        Assert.Equal("El escenario pedido no existe; quizá se eliminó.", loaded.Error);
    }

    [Fact]
    public async Task GetStartAsync_NoVigencia_IsTheLatestMeasured()
    {
        var service = Service(FakeCurrentUser.Anonymous());

        var start = await service.GetStartAsync(null, Ct);

        Assert.Equal((Vigencia, 17), (start!.Measured.Vigencia, start.Measured.Categories.Count));
        Assert.Equal([Vigencia], start.Vigencias);
        Assert.Empty(start.Values);
        Assert.Null(await service.GetStartAsync(2019, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task DeleteScenarioAsync_AnonymousOrLector_RefusedAndNothingDeleted(string? role)
    {
        var saved = await Service(UserIn(Roles.Editor)).SaveScenarioAsync("Se queda", Vigencia, Values((_colaboracion, 50m)), Ct);
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(UserIn(role)).DeleteScenarioAsync(saved.ScenarioId!.Value, Ct));

        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteScenarioAsync_Editor_DeletesItAuditedAndAnotherDeleteSaysItIsGone()
    {
        var editor = Service(UserIn(Roles.Editor));
        var saved = await editor.SaveScenarioAsync("Se va", Vigencia, Values((_colaboracion, 50m)), Ct);

        Assert.Equal(EditResult.Ok, await editor.DeleteScenarioAsync(saved.ScenarioId!.Value, Ct));

        Assert.Empty(await editor.ListScenariosAsync(Ct));
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            Assert.Equal([AuditAction.Creado, AuditAction.Eliminado], await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
        }

        Assert.Equal("El escenario ya no existe; quizá otra persona lo eliminó.", (await editor.DeleteScenarioAsync(saved.ScenarioId.Value, Ct)).Error);
    }

    private SimulatorService Service(ICurrentUser user) => new(Database, TestAuthorization.Guard(user), Clock);

    private static Dictionary<int, decimal> Values(params (int CategoryId, decimal Score)[] values) =>
        values.ToDictionary(v => v.CategoryId, v => v.Score);


    private async Task SetScoreAsync(int categoryId, Score score)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var category = await db.Categories.SingleAsync(c => c.Id == categoryId, Ct);
        var measurement = await db.Measurements.Include(m => m.Scores).SingleAsync(m => m.Vigencia == Vigencia, Ct);
        measurement.SetScore(category, score);
        await db.SaveChangesAsync(Ct);
    }
}
