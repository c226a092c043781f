using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test re-issues a seeded SQLite file of its own: TI.PL03 version 1, approved 21/05/2024, 22 findings, 29 actions (the improvements as read, ImprovementReading).
public sealed class PlanVersionServiceTests : SeededDatabaseTestBase
{
    /// <summary>A valid «Emitir nueva versión» form for <paramref name="current"/>, approved on 20/02/2026.</summary>
    internal static ReIssueFormModel ReIssueForm(PlanVersionModel current) => new()
    {
        Code = current.Code,
        CurrentVersion = current.Version,
        CurrentApprovedOn = current.ApprovedOn,
        CurrentMeasuredVigencia = current.MeasuredVigencia,
        ApprovedOn = new DateTime(2026, 2, 20),
        ApprovalAct = "Acta No. 02 de 2026",
        ApprovedBy = "Comité Institucional de Gestión y Desempeño",
        PreparedBy = "Oficina de Sistemas",
        PreparedByRole = "Profesional de TI",
        PreparedOn = new DateTime(2026, 2, 10),
        MeasuredVigencia = 2025,
    };

    [Fact]
    public async Task ListAsync_Seed_OneCurrentVersionWithItsFindingsAndActions()
    {
        var version = Assert.Single(await Service(FakeCurrentUser.Anonymous()).ListAsync(Ct));

        Assert.Equal(("TI.PL03", 1, new DateOnly(2024, 5, 21), "Acta No. 05 de 2024", true), (version.Code, version.Version, version.ApprovedOn, version.ApprovalAct, version.IsCurrent));
        Assert.Equal((await CountAsync(db => db.Findings), await CountAsync(db => db.Actions)), (version.Findings, version.Actions));
    }

    [Fact]
    public async Task ReIssueAsync_Editor_CopiesEveryFindingAndActionAndVersion1StaysReadable()
    {
        var editor = FakeCurrentUser.InRole(Roles.Editor, "asesora", "Martha Saldaña");
        var actions = new ActionService(Database, TestAuthorization.Guard(editor), new FixedTimeProvider(Now));
        int closedId;
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            closedId = await db.Actions.Where(a => a.Finding.Category.Name == "Colaboración").Select(a => a.Id).SingleAsync(Ct);
        }

        // Follow-up recorded in version 1 travels to version 2.
        Assert.True((await actions.CloseAsync(closedId, 0, new EvidenceFormModel { Date = new DateTime(2026, 1, 20), Note = "Convocatoria publicada" }, Ct)).Succeeded);
        var service = Service(editor);
        var version1 = Assert.Single(await service.ListAsync(Ct));

        var result = await service.ReIssueAsync(ReIssueForm(version1), Ct);

        Assert.Equal(EditResult.Ok, result);
        var versions = await service.ListAsync(Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        var (v2, v1) = (versions[0], versions[1]);
        Assert.Equal((true, new DateOnly(2026, 2, 20), "Acta No. 02 de 2026"), (v2.IsCurrent, v2.ApprovedOn, v2.ApprovalAct));
        // Exactly who prepared it, when, and the vigencia it answers to, as entered: nothing carried over from version 1.
        Assert.Equal(("Oficina de Sistemas", "Profesional de TI", (DateOnly?)new DateOnly(2026, 2, 10), 2025), (v2.PreparedBy, v2.PreparedByRole, v2.PreparedOn, v2.MeasuredVigencia));
        Assert.Equal(("Martha Cecilia Saldaña S", (DateOnly?)new DateOnly(2024, 10, 30), 2023), (v1.PreparedBy, v1.PreparedOn, v1.MeasuredVigencia));
        Assert.Equal((22, version1.Actions), (v2.Findings, v2.Actions));
        Assert.Equal((false, 22, version1.Actions), (v1.IsCurrent, v1.Findings, v1.Actions));

        // Version 1 is still there, read-only; its copy in version 2 has the same follow-up.
        var old = (await actions.GetAsync(closedId, Ct))!;
        Assert.Equal((1, false, ActionStatus.Completada), (old.PlanVersion, old.IsCurrentPlan, old.Status));
        await using var check = await Database.CreateDbContextAsync(Ct);
        var copy = await check.Actions.Include(a => a.Evidence)
            .SingleAsync(a => a.Finding.Category.Name == "Colaboración" && a.Finding.PlanId == v2.Id, Ct);
        Assert.Equal((ActionStatus.Completada, new DateOnly(2026, 1, 20)), (copy.Status, copy.CompletedOn));
        Assert.Equal("Convocatoria publicada", Assert.Single(copy.Evidence).Note);

        // Audited as ONE summary entry, by the editor: the new version's fields in Spanish, the counts of the copies,
        // and one expandable line per copied finding, action and evidence.
        var entry = await check.AuditEntries.SingleAsync(e => e.EntityType == AuditCatalog.PlanReIssueKind, Ct);
        Assert.Equal(0, await check.AuditEntries.CountAsync(e => e.EntityType == "Hallazgo" || e.EntityType == "Plan de mejoramiento" || (e.EntityType == "Acción de mejora" && e.Action == AuditAction.Creado), Ct));
        Assert.Equal(("Martha Saldaña", AuditAction.Creado, "TI.PL03 versión 2"), (entry.UserName, entry.Action, entry.RecordName));
        var changes = AuditJson.Changes(entry.Changes).Select(c => c.ToString()).ToList();
        Assert.Contains("Versión: 2", changes);
        Assert.Contains("Aprobado el: 20/02/2026", changes);
        Assert.Contains("Acta de aprobación: Acta No. 02 de 2026", changes);
        Assert.Contains("Elaborado por: Oficina de Sistemas", changes);
        Assert.Contains("Elaborado el: 10/02/2026", changes);
        Assert.Contains("Hallazgo: 22 creaciones", changes);
        Assert.Contains($"Acción de mejora: {version1.Actions} creaciones", changes);
        Assert.Contains("Evidencia: 1 creación", changes);
        var details = AuditJson.Details(entry.Details);
        Assert.Equal(22 + version1.Actions + 1, details.Count);
        Assert.Contains("Creado · Hallazgo · n.º 2 del plan, Colaboración", details);
        Assert.DoesNotContain(details, d => d.Contains("FindingId", StringComparison.Ordinal) || d.Contains("PlanId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReIssueAsync_ApprovedBeforeTheCurrentVersion_SpanishMessageAndNothingWritten()
    {
        var service = Service(FakeCurrentUser.InRole(Roles.Editor, "asesora"));
        var form = ReIssueForm(Assert.Single(await service.ListAsync(Ct)));
        form.ApprovedOn = new DateTime(2024, 5, 20);
        var before = await Database.ContentHashAsync();

        var result = await service.ReIssueAsync(form, Ct);

        Assert.Equal(EditResult.Fail("La nueva versión no puede aprobarse antes que la versión 1 (21/05/2024)."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task ReIssueFormFor_CurrentVersion_AsksWhoPreparedItWhenAndTheVigenciaInsteadOfCopyingThem()
    {
        var current = Assert.Single(await Service(FakeCurrentUser.Anonymous()).ListAsync(Ct));

        var form = ReIssueFormModel.For(current, new DateOnly(2026, 2, 20));

        Assert.Equal((null, null, null, null), (form.PreparedBy, form.PreparedByRole, form.PreparedOn, form.MeasuredVigencia));
        Assert.Equal((current.ApprovedBy, 2023), (form.ApprovedBy, form.CurrentMeasuredVigencia));
    }

    [Theory]
    [InlineData("preparador", "Escriba quién elaboró la nueva versión.")]
    [InlineData("fecha", "Elija la fecha en que se elaboró la nueva versión.")]
    [InlineData("vigencia", "Escriba la vigencia (el año medido).")]
    [InlineData("vigencia anterior", "La nueva versión no puede responder a una vigencia anterior a la de la versión 1 (2023).")]
    [InlineData("vigencia 9999", "La vigencia debe estar entre 2000 y 2100.")]
    public async Task ReIssueAsync_PreparerDateOrVigenciaMissingOrWrong_SpanishMessageAndNothingWritten(string field, string message)
    {
        var service = Service(FakeCurrentUser.InRole(Roles.Editor, "asesora"));
        var form = ReIssueForm(Assert.Single(await service.ListAsync(Ct)));
        switch (field)
        {
            case "preparador": form.PreparedBy = "  "; break;
            case "fecha": form.PreparedOn = null; break;
            case "vigencia": form.MeasuredVigencia = null; break;
            case "vigencia anterior": form.MeasuredVigencia = 2022; break;
            default: form.MeasuredVigencia = 9999; break;
        }

        var before = await Database.ContentHashAsync();

        var result = await service.ReIssueAsync(form, Ct);

        Assert.Equal(EditResult.Fail(message), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task ReIssueAsync_FormLoadedBeforeAnotherReIssue_RefusedAsAConflict()
    {
        var service = Service(FakeCurrentUser.InRole(Roles.Editor, "asesora"));
        var form = ReIssueForm(Assert.Single(await service.ListAsync(Ct)));
        Assert.True((await service.ReIssueAsync(form, Ct)).Succeeded);
        var before = await Database.ContentHashAsync();

        var result = await service.ReIssueAsync(form, Ct);

        Assert.Contains("Otra persona emitió la versión 2", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task ReIssueAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var user = role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "comite");
        var service = Service(user);
        var form = ReIssueForm(Assert.Single(await service.ListAsync(Ct)));
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ReIssueAsync(form, Ct));

        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private async Task<int> CountAsync<T>(Func<GobiernoDigitalDbContext, IQueryable<T>> set)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await set(db).CountAsync(Ct);
    }

    private PlanVersionService Service(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(Now));
}
