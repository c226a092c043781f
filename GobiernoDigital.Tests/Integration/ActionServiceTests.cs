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

// Each test changes a seeded SQLite file of its own. The seed's Transparencia finding has three actions, all
// No iniciada from 01/08/2024 to 31/12/2027; the clock says 10/03/2026 in Colombia.
public sealed class ActionServiceTests : SeededDatabaseTestBase
{
    private const string Link = "https://concejocartago.gov.co/transparencia/portal";

    private int _actionId;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Database.CreateDbContextAsync(Ct);
        _actionId = await db.Actions.Where(a => a.Finding.Category.Name == "Transparencia").OrderBy(a => a.DisplayOrder).Select(a => a.Id).FirstAsync(Ct);
    }

    [Fact]
    public async Task GetAsync_SeededAction_HasItsCategoryPlanAndStatus()
    {
        var action = await Service(Editor()).GetAsync(_actionId, Ct);

        Assert.NotNull(action);
        Assert.Equal("Transparencia", action.CategoryName);
        Assert.Equal("TIC para Gobierno Abierto", action.ComponentName);
        Assert.Equal(("TI.PL03", 1, true), (action.PlanCode, action.PlanVersion, action.IsCurrentPlan));
        Assert.Equal(1, action.FindingNumber);
        Assert.Equal((ActionStatus.NoIniciada, "No iniciada", 0), (action.Status, action.StatusLabel, action.Progress));
        Assert.Equal((new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31)), (action.StartDate, action.EndDate));
        Assert.Empty(action.Evidence);
    }

    [Fact]
    public async Task GetAsync_AfterTheEndDate_DerivesVencida()
    {
        var afterTheEnd = new FixedTimeProvider(new DateTimeOffset(2028, 1, 1, 17, 0, 0, TimeSpan.Zero));

        var action = await new ActionService(Database, TestAuthorization.Guard(FakeCurrentUser.Anonymous()), afterTheEnd).GetAsync(_actionId, Ct);

        Assert.Equal((ActionStatus.NoIniciada, ActionStatus.Vencida, "Vencida"), (action!.StoredStatus, action.Status, action.StatusLabel));
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsNull()
    {
        Assert.Null(await Service(FakeCurrentUser.Anonymous()).GetAsync(999_999, Ct));
    }

    [Fact]
    public async Task CloseAsync_WithALink_CompletedAt100OnTheDateWithTheEvidenceAndAudited()
    {
        var service = Service(FakeCurrentUser.InRole(Roles.Editor, "asesora", "Martha Saldaña"));
        var loaded = await service.GetAsync(_actionId, Ct);

        var result = await service.CloseAsync(_actionId, loaded!.Revision, Evidence(new DateTime(2026, 3, 5), Link), Ct);

        Assert.True(result.Succeeded, result.Error);
        var action = await service.GetAsync(_actionId, Ct);
        Assert.Equal((ActionStatus.Completada, 100, new DateOnly(2026, 3, 5)), (action!.Status, action.Progress, action.CompletedOn));
        var evidence = Assert.Single(action.Evidence);
        Assert.Equal((new DateOnly(2026, 3, 5), Link, "Martha Saldaña"), (evidence.Date, evidence.Url, evidence.RecordedBy));
        Assert.Equal(loaded.Revision + 1, action.Revision);
        Assert.Equivalent(action, result.Current, strict: true);

        await using var db = await Database.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.ToListAsync(Ct);
        Assert.All(entries, e => Assert.Equal(("Martha Saldaña", Now.UtcDateTime), (e.UserName, e.OccurredAtUtc)));
        var change = Assert.Single(entries, e => e.EntityType == "Acción de mejora");
        Assert.Equal((AuditAction.Modificado, _actionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (change.Action, change.EntityKey));
        Assert.Equal(ActionStatus.NoIniciada, (ActionStatus)Json(change.OldValues).GetProperty("Status").GetInt32());
        Assert.Equal(ActionStatus.Completada, (ActionStatus)Json(change.NewValues).GetProperty("Status").GetInt32());
        Assert.Equal(100, Json(change.NewValues).GetProperty("Progress").GetInt32());
        var created = Assert.Single(entries, e => e.EntityType == "Evidencia");
        Assert.Equal(AuditAction.Creado, created.Action);
        Assert.Equal(Link, Json(created.NewValues).GetProperty("Url").GetString());
    }

    [Fact]
    public async Task CloseAsync_ActionWithEvidenceAndNoNewLinkOrNote_ClosesOnTheEvidenceItHas()
    {
        var service = Service(Editor());
        Assert.True((await service.AddEvidenceAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 1), Link), Ct)).Succeeded);
        var loaded = await service.GetAsync(_actionId, Ct);

        var result = await service.CloseAsync(_actionId, loaded!.Revision, new EvidenceFormModel { Date = new DateTime(2026, 3, 5) }, Ct);

        Assert.True(result.Succeeded, result.Error);
        var action = await service.GetAsync(_actionId, Ct);
        Assert.Equal((ActionStatus.Completada, 100, new DateOnly(2026, 3, 5)), (action!.Status, action.Progress, action.CompletedOn));
        Assert.Equal((new DateOnly(2026, 3, 1), Link), (Assert.Single(action.Evidence).Date, action.Evidence[0].Url)); // no empty evidence added
    }

    [Fact]
    public async Task CloseAsync_WithoutLinkOrNote_RefusedAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).CloseAsync(_actionId, 0, new EvidenceFormModel { Date = new DateTime(2026, 3, 5) }, Ct);

        Assert.Equal((false, EvidenceValidator.ClosingEvidenceMissing), (result.Succeeded, result.Error));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    public static TheoryData<string?, string> RefusedChanges => new()
    {
        { null, "crear" }, { null, "editar" }, { null, "seguimiento" }, { null, "evidencia" }, { null, "cerrar" },
        { Roles.Lector, "crear" }, { Roles.Lector, "editar" }, { Roles.Lector, "seguimiento" }, { Roles.Lector, "evidencia" },
        { Roles.Lector, "quitar-evidencia" }, { Roles.Lector, "cerrar" }, { Roles.Lector, "reabrir" },
    };

    [Theory]
    [MemberData(nameof(RefusedChanges))]
    public async Task Changes_AnonymousOrLector_RefusedAndTheDatabaseUnchanged(string? role, string change)
    {
        // An evidence on a completed action, so that removing it and reopening would change something.
        await Service(Editor()).CloseAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 5), Link), Ct);
        var action = (await Service(Editor()).GetAsync(_actionId, Ct))!;
        var before = await Database.ContentHashAsync();
        var service = Service(role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "comite", "Comité"));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Run(service, change, action));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAsync_TwoEditsLoadedAtTheSameRevision_TheSecondIsAConflictWithTheCurrentValues()
    {
        var first = Service(FakeCurrentUser.InRole(Roles.Editor, "ana", "Ana"));
        var second = Service(FakeCurrentUser.InRole(Roles.Administrador, "luis", "Luis"));
        var loadedByAna = (await first.GetAsync(_actionId, Ct))!;
        var loadedByLuis = (await second.GetAsync(_actionId, Ct))!;
        Assert.Equal(loadedByAna.Revision, loadedByLuis.Revision);

        var anasEdit = ActionFormModel.From(loadedByAna);
        anasEdit.Responsible = "Secretaría General";
        Assert.True((await first.UpdateAsync(_actionId, loadedByAna.Revision, anasEdit, Ct)).Succeeded);
        var afterAna = await Database.ContentHashAsync();

        var luisEdit = ActionFormModel.From(loadedByLuis);
        luisEdit.Responsible = "Oficina de Sistemas";
        var result = await second.UpdateAsync(_actionId, loadedByLuis.Revision, luisEdit, Ct);

        Assert.True(result.IsConflict);
        Assert.False(result.Succeeded);
        Assert.Equal(ActionChangeResult.ConflictMessage, result.Error);
        Assert.Equal("Secretaría General", result.Current!.Responsible);
        Assert.Equal(loadedByAna.Revision + 1, result.Current.Revision);
        Assert.Equal(afterAna, await Database.ContentHashAsync());

        // With the current revision the same edit goes through.
        Assert.True((await second.UpdateAsync(_actionId, result.Current.Revision, luisEdit, Ct)).Succeeded);
        Assert.Equal("Oficina de Sistemas", (await second.GetAsync(_actionId, Ct))!.Responsible);
    }

    [Fact]
    public async Task AddEvidenceAsync_StaleRevision_ConflictAndNothingWritten()
    {
        var service = Service(Editor());
        Assert.True((await service.SetFollowUpAsync(_actionId, 0, new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = 30 }, Ct)).Succeeded);
        var before = await Database.ContentHashAsync();

        var result = await service.AddEvidenceAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 1), Link), Ct);

        Assert.True(result.IsConflict);
        Assert.Equal((ActionStatus.EnCurso, 30), (result.Current!.Status, result.Current.Progress));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAsync_EndBeforeStart_SpanishMessageAndNothingWritten()
    {
        var service = Service(Editor());
        var form = ActionFormModel.From((await service.GetAsync(_actionId, Ct))!);
        form.StartDate = new DateTime(2026, 5, 1);
        form.EndDate = new DateTime(2026, 4, 30);
        var before = await Database.ContentHashAsync();

        var result = await service.UpdateAsync(_actionId, 0, form, Ct);

        Assert.Equal("La fecha final no puede ser anterior a la fecha inicial.", result.Error);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAsync_Editor_SavesEveryFieldAndAuditsTheChange()
    {
        var service = Service(Editor());
        var form = new ActionFormModel
        {
            Description = "Portal de transparencia con consultas ciudadanas",
            Responsible = "Secretaría General",
            StartDate = new DateTime(2026, 1, 15),
            EndDate = new DateTime(2026, 9, 30),
            ExpectedPointsText = "12,5",
        };

        var result = await service.UpdateAsync(_actionId, 0, form, Ct);

        Assert.True(result.Succeeded, result.Error);
        var action = result.Current!;
        Assert.Equal(
            ("Portal de transparencia con consultas ciudadanas", "Secretaría General", new DateOnly(2026, 1, 15), new DateOnly(2026, 9, 30), 12.5m),
            (action.Description, action.Responsible, action.StartDate, action.EndDate, action.ExpectedPoints));
        await using var db = await Database.CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal("Secretaría General", Json(entry.NewValues).GetProperty("Responsible").GetString());
    }

    [Fact]
    public async Task SetFollowUpAsync_OnACompletedAction_RefusedUntilReopened()
    {
        var service = Service(Editor());
        await service.CloseAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 5), Link), Ct);
        var before = await Database.ContentHashAsync();

        var refused = await service.SetFollowUpAsync(_actionId, 1, new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = 50 }, Ct);

        Assert.Contains("reábrala", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task ReopenAsync_CompletedAction_BackToEnCursoKeepingItsEvidence()
    {
        var service = Service(Editor());
        await service.CloseAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 5), Link), Ct);

        var result = await service.ReopenAsync(_actionId, 1, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((ActionStatus.EnCurso, (DateOnly?)null, 100), (result.Current!.Status, result.Current.CompletedOn, result.Current.Progress));
        Assert.Single(result.Current.Evidence);
    }

    [Fact]
    public async Task RemoveEvidenceAsync_LastEvidenceOfACompletedAction_RefusedWithTheReason()
    {
        var service = Service(Editor());
        var closed = (await service.CloseAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 5), Link), Ct)).Current!;
        var before = await Database.ContentHashAsync();

        var result = await service.RemoveEvidenceAsync(_actionId, closed.Revision, closed.Evidence[0].Id, Ct);

        Assert.Contains("reábrala", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task RemoveEvidenceAsync_OpenAction_RemovesItAndAuditsIt()
    {
        var service = Service(Editor());
        var withEvidence = (await service.AddEvidenceAsync(_actionId, 0, Evidence(new DateTime(2026, 3, 1), null, "Borrador del portal"), Ct)).Current!;

        var result = await service.RemoveEvidenceAsync(_actionId, withEvidence.Revision, withEvidence.Evidence[0].Id, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Current!.Evidence);
        await using var db = await Database.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == "Evidencia" && e.Action == AuditAction.Eliminado, Ct));
    }

    [Fact]
    public async Task CreateAsync_UnderAFindingOfTheCurrentPlan_CreatesItNoIniciada()
    {
        var service = Service(Editor());
        var colaboracion = (await service.GetFindingChoicesAsync(Ct)).Single(c => c.CategoryName == "Colaboración");

        var result = await service.CreateAsync(NewAction(colaboracion.FindingId, "Convocatoria de innovación abierta con la universidad"), Ct);

        Assert.True(result.Succeeded, result.Error);
        var created = result.Current!;
        Assert.Equal(("Colaboración", ActionStatus.NoIniciada, (string?)null, (decimal?)null), (created.CategoryName, created.Status, created.Responsible, created.ExpectedPoints));
        Assert.Equal(colaboracion.Actions + 1, (await service.GetFindingChoicesAsync(Ct)).Single(c => c.FindingId == colaboracion.FindingId).Actions);
    }

    [Fact]
    public async Task CreateAsync_UnderANoAplicaFinding_RefusedAndNothingWritten()
    {
        int noAplica;
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            noAplica = await db.Findings.Where(f => f.ImprovementsNotApplicable).Select(f => f.Id).FirstAsync(Ct);
        }

        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).CreateAsync(NewAction(noAplica, "Una acción que el plan no prevé"), Ct);

        Assert.Contains("NO APLICA", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task GetFindingChoicesAsync_Seed_OffersEveryFindingButNoAplica()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var applicable = await db.Findings.Where(f => !f.ImprovementsNotApplicable).Select(f => f.Id).ToListAsync(Ct);

        var choices = await Service(Editor()).GetFindingChoicesAsync(Ct);

        Assert.Equal(applicable.Order(), choices.Select(c => c.FindingId).Order());
        Assert.Equal("Transparencia", choices[0].CategoryName);
    }

    [Fact]
    public async Task Changes_ActionOfASupersededVersion_RefusedAsReadOnly()
    {
        var editor = Editor();
        var versions = new PlanVersionService(Database, TestAuthorization.Guard(editor), new FixedTimeProvider(Now));
        var current = (await versions.ListAsync(Ct)).Single();
        Assert.True((await versions.ReIssueAsync(PlanVersionServiceTests.ReIssueForm(current), Ct)).Succeeded);
        var service = Service(editor);
        var oldAction = (await service.GetAsync(_actionId, Ct))!;
        var before = await Database.ContentHashAsync();

        var close = await service.CloseAsync(_actionId, oldAction.Revision, Evidence(new DateTime(2026, 3, 5), Link), Ct);
        var edit = await service.UpdateAsync(_actionId, oldAction.Revision, ActionFormModel.From(oldAction), Ct);
        var create = await service.CreateAsync(NewAction(oldAction.FindingId, "Acción en la versión anterior"), Ct);

        Assert.False(oldAction.IsCurrentPlan);
        Assert.Equal(2, oldAction.CurrentPlanVersion);
        Assert.All(new[] { close, edit, create }, r => Assert.Contains("reemplazada por la versión 2", r.Error, StringComparison.Ordinal));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private static FakeCurrentUser Editor() => FakeCurrentUser.InRole(Roles.Editor, "editora", "Editora del Plan");

    private static ActionFormModel NewAction(int findingId, string description) => new()
    {
        FindingId = findingId,
        Description = description,
        StartDate = new DateTime(2026, 4, 1),
        EndDate = new DateTime(2026, 11, 30),
    };

    private static EvidenceFormModel Evidence(DateTime date, string? url, string? note = null) => new() { Date = date, Url = url, Note = note };

    private static JsonElement Json(string? json)
    {
        Assert.NotNull(json);
        return JsonDocument.Parse(json).RootElement;
    }

    private static Task<ActionChangeResult> Run(ActionService service, string change, ActionDetailModel action) => change switch
    {
        "crear" => service.CreateAsync(NewAction(action.FindingId, "Nueva"), Ct),
        "editar" => service.UpdateAsync(action.Id, action.Revision, ActionFormModel.From(action), Ct),
        "seguimiento" => service.SetFollowUpAsync(action.Id, action.Revision, new FollowUpFormModel { Status = ActionStatus.Cancelada, Progress = 0 }, Ct),
        "evidencia" => service.AddEvidenceAsync(action.Id, action.Revision, Evidence(new DateTime(2026, 3, 6), Link), Ct),
        "quitar-evidencia" => service.RemoveEvidenceAsync(action.Id, action.Revision, action.Evidence[0].Id, Ct),
        "cerrar" => service.CloseAsync(action.Id, action.Revision, Evidence(new DateTime(2026, 3, 6), Link), Ct),
        "reabrir" => service.ReopenAsync(action.Id, action.Revision, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private ActionService Service(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(Now));
}
