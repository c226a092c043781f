using System.Text.Json;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test edits a seeded SQLite file of its own (xunit makes a new instance per test); the seed has Transparencia
// at 40 in vigencia 2023, its only measurement, and no meta rows.
public sealed class ScoreEditingServiceTests : SeededDatabaseTestBase
{
    private const int Vigencia = 2023;
    private const int UnknownCategoryId = 999_999;

    private int _transparencia;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _transparencia = await CategoryIdAsync("Transparencia");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SetScoreAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var service = Service(UserIn(role));
        var before = await Database.ContentHashAsync();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            service.SetScoreAsync(_transparencia, Vigencia, Score.Measured(55.5m), "Intento", Ct));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(before, await Database.ContentHashAsync());
        Assert.Equal(40m, await ScoreValueAsync());
        Assert.Equal(0, await AuditCountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SetTargetAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var service = Service(UserIn(role));
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetTargetAsync(_transparencia, Vigencia, 80m, Ct));

        Assert.Equal(before, await Database.ContentHashAsync());
        Assert.Equal(0, await AuditCountAsync());
    }

    [Fact]
    public async Task SetScoreAsync_Anonymous_AsksToSignIn()
    {
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service(FakeCurrentUser.Anonymous()).SetScoreAsync(_transparencia, Vigencia, Score.Measured(55.5m), null, Ct));

        Assert.Equal("Inicie sesión con una cuenta autorizada para hacer este cambio.", refused.Message);
    }

    [Fact]
    public async Task SetScoreAsync_Lector_SaysTheAccountMayNot()
    {
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service(UserIn(Roles.Lector)).SetScoreAsync(_transparencia, Vigencia, Score.Measured(55.5m), null, Ct));

        Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", refused.Message);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Administrador)]
    public async Task SetScoreAsync_EditorOrAdministrador_SavesTheScore(string role)
    {
        var result = await Service(UserIn(role)).SetScoreAsync(_transparencia, Vigencia, Score.Measured(55.5m), null, Ct);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal(55.5m, await ScoreValueAsync());
        Assert.Equal(1, await AuditCountAsync());
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Administrador)]
    public async Task SetTargetAsync_EditorOrAdministrador_SavesTheMeta(string role)
    {
        var result = await Service(UserIn(role)).SetTargetAsync(_transparencia, Vigencia, 80m, Ct);

        Assert.Equal(EditResult.Ok, result);
        await using var db = await Database.CreateDbContextAsync(Ct);
        var target = await db.Targets.SingleAsync(t => t.CategoryId == _transparencia && t.Vigencia == Vigencia, Ct);
        Assert.Equal(80m, target.Value);
    }

    [Fact]
    public async Task SetScoreAsync_ChangedValue_AuditHasOldAndNewValueActorAndClock()
    {
        var editor = FakeCurrentUser.InRole(Roles.Editor, "asesor", "Martha Saldaña");

        await Service(editor).SetScoreAsync(_transparencia, Vigencia, Score.Measured(55.5m), null, Ct);

        var entry = await SingleAuditEntryAsync();
        Assert.Equal(AuditAction.Modificado, entry.Action);
        Assert.Equal("Puntaje", entry.EntityType);
        Assert.Equal(_transparencia, entry.CategoryId);
        Assert.Equal(FakeCurrentUser.IdOf("asesor"), entry.UserId);
        Assert.Equal("Martha Saldaña", entry.UserName);
        Assert.Equal(Now.UtcDateTime, entry.OccurredAtUtc);
        // Only what changed: the status (still measured) and the observation are not listed.
        Assert.Equal(new Dictionary<string, decimal> { ["Value"] = 40m }, Decimals(entry.OldValues));
        Assert.Equal(new Dictionary<string, decimal> { ["Value"] = 55.5m }, Decimals(entry.NewValues));
    }

    [Fact]
    public async Task SetScoreAsync_ToNoAplica_AuditHasStatusAndValueBeforeAndAfter()
    {
        await Service(UserIn(Roles.Editor)).SetScoreAsync(_transparencia, Vigencia, Score.NotApplicable, null, Ct);

        var entry = await SingleAuditEntryAsync();
        using var oldValues = JsonDocument.Parse(entry.OldValues!);
        using var newValues = JsonDocument.Parse(entry.NewValues!);
        Assert.Equal((int)ScoreStatus.Measured, oldValues.RootElement.GetProperty("Status").GetInt32());
        Assert.Equal(40m, oldValues.RootElement.GetProperty("Value").GetDecimal());
        Assert.Equal((int)ScoreStatus.NotApplicable, newValues.RootElement.GetProperty("Status").GetInt32());
        Assert.Equal(JsonValueKind.Null, newValues.RootElement.GetProperty("Value").ValueKind);
    }

    [Fact]
    public async Task SetScoreAsync_SameValue_RecordsNothing()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetScoreAsync(_transparencia, Vigencia, Score.Measured(40m), null, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SetTargetAsync_FirstMeta_AuditRecordsTheCreation()
    {
        await Service(FakeCurrentUser.InRole(Roles.Administrador, "admin", "Ana Administradora")).SetTargetAsync(_transparencia, Vigencia, 80m, Ct);

        var entry = await SingleAuditEntryAsync();
        Assert.Equal(AuditAction.Creado, entry.Action);
        Assert.Equal("Meta", entry.EntityType);
        Assert.Equal(_transparencia, entry.CategoryId);
        Assert.Equal("Ana Administradora", entry.UserName);
        Assert.Equal(Now.UtcDateTime, entry.OccurredAtUtc);
        Assert.Null(entry.OldValues);
        Assert.Equal(new Dictionary<string, decimal> { ["CategoryId"] = _transparencia, ["Vigencia"] = Vigencia, ["Value"] = 80m }, Decimals(entry.NewValues));
    }

    [Fact]
    public async Task SetTargetAsync_ChangedMeta_AuditRecordsOldAndNewValue()
    {
        var service = Service(UserIn(Roles.Editor));
        await service.SetTargetAsync(_transparencia, Vigencia, 80m, Ct);

        await service.SetTargetAsync(_transparencia, Vigencia, 90.5m, Ct);

        await using var db = await Database.CreateDbContextAsync(Ct);
        var change = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Modificado, Ct);
        Assert.Equal("Meta", change.EntityType);
        Assert.Equal(new Dictionary<string, decimal> { ["Value"] = 80m }, Decimals(change.OldValues));
        Assert.Equal(new Dictionary<string, decimal> { ["Value"] = 90.5m }, Decimals(change.NewValues));
    }

    [Fact]
    public async Task SetTargetAsync_HundredWithoutRow_RecordsNothing()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetTargetAsync(_transparencia, Vigencia, Target.Default, Ct);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SetScoreAsync_UnknownCategory_SpanishErrorAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetScoreAsync(UnknownCategoryId, Vigencia, Score.Measured(55.5m), null, Ct);

        Assert.Equal(EditResult.Fail("La categoría no existe."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SetScoreAsync_UnknownVigencia_SpanishErrorAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetScoreAsync(_transparencia, 2030, Score.Measured(55.5m), null, Ct);

        Assert.Equal(EditResult.Fail("No hay una medición registrada para la vigencia 2030."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SetTargetAsync_UnknownCategory_SpanishErrorAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetTargetAsync(UnknownCategoryId, Vigencia, 80m, Ct);

        Assert.Equal(EditResult.Fail("La categoría no existe."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    public async Task SetTargetAsync_OutsideZeroToHundred_SpanishErrorAndNothingWritten(double value)
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetTargetAsync(_transparencia, Vigencia, (decimal)value, Ct);

        Assert.Equal(EditResult.Fail("La meta debe estar entre 0 y 100."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public async Task SetTargetAsync_VigenciaOutOfRange_SpanishErrorAndNothingWritten(int vigencia)
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(UserIn(Roles.Editor)).SetTargetAsync(_transparencia, vigencia, 80m, Ct);

        Assert.Equal(EditResult.Fail("La vigencia debe estar entre 2000 y 2100."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SetTargetAsync_FutureVigencia_SavesTheMetaBeforeTheMeasurement()
    {
        var result = await Service(UserIn(Roles.Editor)).SetTargetAsync(_transparencia, 2027, 70m, Ct);

        Assert.Equal(EditResult.Ok, result);
        await using var db = Database.CreateDbContext();
        Assert.Equal(70m, db.Targets.Single(t => t.CategoryId == _transparencia && t.Vigencia == 2027).Value);
    }

    // The category edit page's save: score, observation and meta in one transaction, checked against the state the page read.

    [Fact]
    public async Task SaveAsync_TwoEditorsOnTheSamePage_SecondSaveRefusedWithTheCurrentValuesAndTheFirstStays()
    {
        var first = Service(FakeCurrentUser.InRole(Roles.Editor, "uno", "Editor Uno"));
        var second = Service(FakeCurrentUser.InRole(Roles.Editor, "dos", "Editor Dos"));
        var firstPage = (await first.GetForEditAsync(_transparencia, Vigencia, Ct))!;
        var secondPage = (await second.GetForEditAsync(_transparencia, Vigencia, Ct))!;

        var saved = await first.SaveAsync(_transparencia, firstPage, Score.Measured(61m), "Revisado en comité", 90m, Ct);
        var afterFirst = await Database.ContentHashAsync();
        var refused = await second.SaveAsync(_transparencia, secondPage, Score.Measured(62m), secondPage.Observation, secondPage.Target, Ct);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.False(refused.Succeeded);
        Assert.StartsWith(ScoreEditingService.ConflictMessage, refused.Message, StringComparison.Ordinal);
        Assert.Contains("puntaje 61,0; meta 90,0; observación «Revisado en comité»", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new CategoryEditState(Vigencia, firstPage.Revision + 1, Score.Measured(61m), "Revisado en comité", 90m), refused.Current);
        Assert.Equal(afterFirst, await Database.ContentHashAsync());
        Assert.Equal(refused.Current, await first.GetForEditAsync(_transparencia, Vigencia, Ct));
    }

    [Fact]
    public async Task SaveAsync_AnotherSaveBetweenItsReadAndItsWrite_RefusedAndTheOtherSaveStays()
    {
        var other = Service(FakeCurrentUser.InRole(Roles.Editor, "otra"));
        var otherPage = (await other.GetForEditAsync(_transparencia, Vigencia, Ct))!;
        var racing = new RaceBeforeWrite(Database, async () =>
            Assert.True((await other.SaveAsync(_transparencia, otherPage, Score.Measured(61m), null, 90m, Ct)).Succeeded));
        var service = new ScoreEditingService(racing, TestAuthorization.Guard(UserIn(Roles.Editor)), new FixedTimeProvider(Now));
        var page = (await service.GetForEditAsync(_transparencia, Vigencia, Ct))!;

        var result = await service.SaveAsync(_transparencia, page, Score.Measured(62m), null, 100m, Ct);

        Assert.True(racing.Raced);
        Assert.False(result.Succeeded);
        Assert.Equal(Score.Measured(61m), result.Current!.Score);
        var stored = (await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct))!;
        Assert.Equal((Score.Measured(61m), 90m), (stored.Score, stored.Target));
    }

    [Fact]
    public async Task SaveAsync_MetaChangedOnTheMetasGridSinceThePageWasRead_Refused()
    {
        var page = (await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct))!;
        var grid = new TargetService(Database, TestAuthorization.Guard(UserIn(Roles.Editor)), new FixedTimeProvider(Now));
        Assert.True((await grid.SaveAsync([new TargetCellChange(_transparencia, Vigencia, 100m, "85")], Ct)).Succeeded);

        var result = await Service(UserIn(Roles.Editor)).SaveAsync(_transparencia, page, Score.Measured(45m), null, 100m, Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("meta 85,0", result.Message, StringComparison.Ordinal);
        var stored = (await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct))!;
        Assert.Equal((Score.Measured(40m), 85m), (stored.Score, stored.Target));
    }

    [Fact]
    public async Task GetForEditAsync_ScoreWithAnObservation_TheFormGetsTheObservation()
    {
        Assert.True((await Service(UserIn(Roles.Editor)).SetScoreAsync(_transparencia, Vigencia, Score.Measured(40m), "Falta la evidencia del portal", Ct)).Succeeded);

        var page = await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct);

        Assert.Equal(new CategoryEditState(Vigencia, page!.Revision, Score.Measured(40m), "Falta la evidencia del portal", Target.Default), page);
    }

    [Fact]
    public async Task SaveAsync_OnlyTheMetaChanged_TheObservationSurvives()
    {
        var service = Service(UserIn(Roles.Editor));
        Assert.True((await service.SetScoreAsync(_transparencia, Vigencia, Score.Measured(40m), "Falta la evidencia del portal", Ct)).Succeeded);
        var page = (await service.GetForEditAsync(_transparencia, Vigencia, Ct))!;

        // What the page sends back when the user changed only the meta: the observation as it was loaded.
        var result = await service.SaveAsync(_transparencia, page, page.Score, page.Observation, 80m, Ct);

        Assert.True(result.Succeeded, result.Message);
        await using var db = await Database.CreateDbContextAsync(Ct);
        var score = await db.Scores.SingleAsync(s => s.CategoryId == _transparencia, Ct);
        Assert.Equal("Falta la evidencia del portal", score.Observation);
        Assert.Equal(80m, (await db.Targets.SingleAsync(t => t.CategoryId == _transparencia && t.Vigencia == Vigencia, Ct)).Value);
    }

    [Fact]
    public async Task SaveAsync_ScoreAndMeta_OneAuditedSaveEach()
    {
        var page = (await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct))!;

        var result = await Service(UserIn(Roles.Editor)).SaveAsync(_transparencia, page, Score.Measured(55.5m), null, 80m, Ct);

        Assert.True(result.Succeeded, result.Message);
        var entries = await AuditEntriesAsync();
        Assert.Equal(["Meta", "Puntaje"], entries.Select(e => e.EntityType).Order());
        // One transaction: both entries carry the same instant and actor.
        Assert.Single(entries.Select(e => (e.OccurredAtUtc, e.UserName)).Distinct());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SaveAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var page = (await Service(UserIn(Roles.Editor)).GetForEditAsync(_transparencia, Vigencia, Ct))!;
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service(UserIn(role)).SaveAsync(_transparencia, page, Score.Measured(55.5m), null, 80m, Ct));

        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private static Dictionary<string, decimal> Decimals(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
    }

    private ScoreEditingService Service(FakeCurrentUser user) =>
        new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(Now));

    private async Task<decimal?> ScoreValueAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Scores.Where(s => s.CategoryId == _transparencia).Select(s => s.Value).SingleAsync(Ct);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(Ct);
    }

    private async Task<AuditEntry> SingleAuditEntryAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.AuditEntries.SingleAsync(Ct);
    }
}
