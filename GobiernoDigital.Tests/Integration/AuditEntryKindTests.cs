using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// One test per kind of change made through the real services, read back through <see cref="AuditTrailService"/> as
/// a controller reads the trail: the kind's Spanish name, the record's name, each changed field's Spanish label and
/// its value as the user saw it, and nothing technical (revisions, ids, English property names, unchanged fields).
/// </summary>
public sealed class AuditEntryKindTests : SeededDatabaseTestBase
{
    private static readonly string[] Technical = ["Revision", "Id", "RowVersion", "Otro dato"];

    [Fact]
    public async Task Measurement_CreatedThenEdited_SourceStateAndDateInWords()
    {
        var service = new MeasurementService(Database, Guard, Clock);
        var form = await service.NewFormAsync(2024, Ct);
        form.Date = new DateTime(2025, 4, 30);
        form.Source = MeasurementSource.Autodiagnostico;
        form.OfficialIndexText = "72,4";
        foreach (var row in form.Rows)
        {
            row.Input.Status = ScoreStatus.NotMeasured;
        }

        Assert.Equal(MeasurementChangeStatus.Done, (await service.CreateAsync(form, Ct)).Status);
        var edit = (await service.GetForEditAsync(2024, Ct))!;
        edit.State = MeasurementState.Definitiva;
        edit.Date = new DateTime(2025, 5, 2);
        Assert.Equal(MeasurementChangeStatus.Done, (await service.UpdateAsync(2024, edit.Revision, edit, Ct)).Status);

        var rows = await RowsAsync("Medición");

        Assert.Equal(2, rows.Count);
        var (edited, created) = (rows[0], rows[1]);
        Assert.Equal((AuditAction.Creado, "Vigencia 2024"), (created.Action, created.RecordName));
        Assert.Equal(
            ["Vigencia: 2024", "Fecha de la medición: 30/04/2025", "Fuente: Autodiagnóstico", "Estado de la medición: Provisional", "Índice oficial de Gobierno Digital: 72,4"],
            Texts(created));
        Assert.Equal((AuditAction.Modificado, "Vigencia 2024"), (edited.Action, edited.RecordName));
        Assert.Equal(["Fecha de la medición: 30/04/2025 → 02/05/2025", "Estado de la medición: Provisional → Definitiva"], Texts(edited));
        AssertNothingTechnical(created, edited);
    }

    [Fact]
    public async Task Score_ChangedThroughTheEditor_StatusAndValueInWords()
    {
        var transparencia = await CategoryIdAsync("Transparencia");
        await new ScoreEditingService(Database, Guard, Clock).SetScoreAsync(transparencia, 2023, Score.NotApplicable, "No aplica este año", Ct);

        var row = Assert.Single(await RowsAsync("Puntaje"));

        Assert.Equal((AuditAction.Modificado, "Transparencia, vigencia 2023", "Transparencia"), (row.Action, row.RecordName, row.CategoryName));
        Assert.Equal(["Estado del puntaje: Medido → No aplica", "Puntaje: 40,0 → —", "Observación: — → No aplica este año"], Texts(row));
        AssertNothingTechnical(row);
    }

    [Fact]
    public async Task Meta_CreatedAndChanged_LabelAndDecimalWithComma()
    {
        var transparencia = await CategoryIdAsync("Transparencia");
        var service = new TargetService(Database, Guard, Clock);
        Assert.True((await service.SaveAsync([new(transparencia, 2026, 100m, "85,5")], Ct)).Succeeded);
        Assert.True((await service.SaveAsync([new(transparencia, 2026, 85.5m, "90")], Ct)).Succeeded);

        await AssertCreatedThenChangedAsync(
            "Meta",
            "Transparencia, vigencia 2026",
            ["Categoría: Transparencia", "Vigencia: 2026", "Meta: 85,5"],
            ["Meta: 85,5 → 90,0"]);
    }

    [Fact]
    public async Task Catalog_CategoryRenamed_OldAndNewNamesWithSpanishLabels()
    {
        var service = new CatalogService(Database, Guard, Clock);
        var capacidades = (await service.GetAsync(Ct)).Components.SelectMany(c => c.Categories).Single(c => c.Name == "Capacidades Institucionales");
        var form = CategoryFormModel.From(capacidades);
        form.Name = "Capacidades institucionales de TI";
        form.ShortLabel = "Capacidades TI";
        form.WeightText = "2,5";
        Assert.Equal(EditResult.Ok, await service.UpdateCategoryAsync(capacidades.Id, form, Ct));

        var row = Assert.Single(await RowsAsync("Categoría"));

        Assert.Equal((AuditAction.Modificado, "Capacidades institucionales de TI"), (row.Action, row.RecordName));
        Assert.Equal(
            [
                "Nombre: Capacidades Institucionales → Capacidades institucionales de TI",
                $"Etiqueta corta: {capacidades.ShortLabel} → Capacidades TI",
                $"Peso: {AuditValues.Decimal(capacidades.Weight, AuditNames.None)} → 2,5",
            ],
            Texts(row));
        AssertNothingTechnical(row);
    }

    [Fact]
    public async Task Action_CreatedAndFollowedUp_FindingByNameStatusInTheActionsWordsAndProgressInPercent()
    {
        var findingId = await TransparenciaFindingAsync();
        var service = new ActionService(Database, Guard, Clock);
        var created = await service.CreateAsync(
            new ActionFormModel
            {
                FindingId = findingId,
                Description = "Publicar el plan de datos abiertos",
                Responsible = "Oficina TIC",
                StartDate = new DateTime(2026, 4, 1),
                EndDate = new DateTime(2026, 11, 30),
                ExpectedPointsText = "2,5",
            },
            Ct);
        Assert.True(created.Succeeded);
        var action = created.Current!;
        Assert.True((await service.SetFollowUpAsync(action.Id, action.Revision, new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = 40 }, Ct)).Succeeded);

        var rows = await RowsAsync("Acción de mejora");

        Assert.Equal(2, rows.Count);
        var (followUp, creation) = (rows[0], rows[1]);
        Assert.All(rows, r => Assert.Equal(("«Publicar el plan de datos abiertos»", "Transparencia"), (r.RecordName, r.CategoryName)));
        Assert.Equal(AuditAction.Creado, creation.Action);
        var creationTexts = Texts(creation);
        Assert.Contains("Hallazgo: n.º 1 del plan, Transparencia", creationTexts);
        Assert.Contains("Descripción: Publicar el plan de datos abiertos", creationTexts);
        Assert.Contains("Responsable: Oficina TIC", creationTexts);
        Assert.Contains("Fecha de inicio: 01/04/2026", creationTexts);
        Assert.Contains("Fecha final: 30/11/2026", creationTexts);
        Assert.Contains("Puntos esperados: 2,5", creationTexts);
        Assert.Equal(["Estado de la acción: No iniciada → En curso", "Avance: 0 % → 40 %"], Texts(followUp));
        AssertNothingTechnical(followUp, creation);
    }

    [Fact]
    public async Task Evidence_Added_DateLinkAndNoteWithSpanishLabels()
    {
        var actionId = await TransparenciaActionAsync();
        var service = new ActionService(Database, Guard, Clock);
        var action = (await service.GetAsync(actionId, Ct))!;
        var added = await service.AddEvidenceAsync(
            actionId,
            action.Revision,
            new EvidenceFormModel { Date = new DateTime(2026, 3, 1), Url = "https://concejocartago.gov.co/transparencia", Note = "Acta del comité" },
            Ct);
        Assert.True(added.Succeeded);

        var row = Assert.Single(await RowsAsync("Evidencia"));

        Assert.Equal(AuditAction.Creado, row.Action);
        var actionName = $"«{AuditText.Short(action.Description, AuditText.NameLength)}»";
        Assert.Equal($"01/03/2026 de la acción {actionName}", row.RecordName);
        Assert.Equal("Transparencia", row.CategoryName);
        Assert.Equal(
            [
                $"Acción de mejora: {actionName}",
                "Fecha: 01/03/2026",
                "Enlace: https://concejocartago.gov.co/transparencia",
                "Nota: Acta del comité",
                "Registrada por: Martha Saldaña",
            ],
            Texts(row));
        AssertNothingTechnical(row);
    }

    [Fact]
    public async Task PeerAverage_CreatedAndChanged_LabelAndDecimalWithComma()
    {
        var transparencia = await CategoryIdAsync("Transparencia");
        var service = new PeerAverageService(Database, Guard, Clock);
        Assert.True((await service.SaveAsync([new PeerCellChange(transparencia, 2023, "55,5")], Ct)).Succeeded);
        Assert.True((await service.SaveAsync([new PeerCellChange(transparencia, 2023, "60.5")], Ct)).Succeeded);

        await AssertCreatedThenChangedAsync(
            "Promedio del grupo par",
            "Transparencia, vigencia 2023",
            ["Categoría: Transparencia", "Vigencia: 2023", "Promedio del grupo par: 55,5"],
            ["Promedio del grupo par: 55,5 → 60,5"]);
    }

    [Fact]
    public async Task FirstAdministrador_CreatedAtSetUp_AuditedByNameWithRoleAndOrigin()
    {
        await using var app = new DashboardAppFactory();
        var setup = app.Services.GetRequiredService<FirstAdministratorSetup>();
        Assert.Empty(await setup.CreateAdministratorAsync(setup.Token!, "admin.primero", "Ana Administradora", "Primer-Admin-2026"));
        var trail = new AuditTrailService(
            app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>(),
            TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Administrador, "admin")));

        var row = Assert.Single((await trail.SearchAsync(new AuditQuery { Kind = AuditCatalog.UserKind }, Ct)).Rows);

        Assert.Equal((AuditAction.Creado, "Ana Administradora"), (row.Action, row.UserName));
        Assert.Contains("Ana Administradora", row.RecordName, StringComparison.Ordinal);
        Assert.Equal(
            ["Usuario: admin.primero", "Nombre para mostrar: Ana Administradora", "Rol: Administrador", "Estado de la cuenta: Activa", "Origen: Configuración inicial (enlace de primer arranque)"],
            Texts(row));
        AssertNothingTechnical(row);
    }

    [Fact]
    public async Task Export_EditorDownloadsTheFilteredTrail_SpanishRowReadBack()
    {
        await using var app = new DashboardAppFactory();
        await TestUsers.CreateAsync(app.Services, "editora.auditoria", Roles.Editor, "Editora de Auditoría");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GobiernoDigitalDbContext>();
            db.AuditEntries.AddRange(
                new AuditEntry
                {
                    OccurredAtUtc = new DateTime(2026, 3, 10, 15, 30, 0), UserId = "u1", UserName = "Martha Saldaña", Action = AuditAction.Modificado,
                    EntityType = "Acción de mejora", EntityKey = "1", OldValues = """{"Status":0,"Progress":0}""", NewValues = """{"Status":1,"Progress":40}""",
                },
                new AuditEntry
                {
                    OccurredAtUtc = new DateTime(2026, 3, 10, 15, 31, 0), UserId = "u1", UserName = "Martha Saldaña", Action = AuditAction.Modificado,
                    EntityType = "Meta", EntityKey = "2", OldValues = """{"Value":80.0}""", NewValues = """{"Value":85.5}""",
                });
            await db.SaveChangesAsync(Ct);
        }

        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "editora.auditoria", TestUsers.Password);
        using var response = await client.GetAsync("/exportar/auditoria.xlsx?tipo=" + Uri.EscapeDataString("Acción de mejora"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var xlsx = await response.Content.ReadAsByteArrayAsync(Ct);
        var cells = SpreadsheetFiles.Rows(xlsx, SpreadsheetFiles.SheetNames(xlsx)[0])
            .Select(r => string.Join(" | ", r.Values.Select(v => Convert.ToString(v, EsCo.Culture))))
            .ToList();
        var row = Assert.Single(cells, c => c.Contains("Martha Saldaña", StringComparison.Ordinal));
        Assert.Contains("Acción de mejora", row, StringComparison.Ordinal);
        Assert.Contains("Estado de la acción: No iniciada → En curso", row, StringComparison.Ordinal);
        Assert.Contains("Avance: 0 % → 40 %", row, StringComparison.Ordinal);
        Assert.DoesNotContain(cells, c => c.Contains("Meta:", StringComparison.Ordinal));
    }

    private static List<string> Texts(AuditTrailRow row) => row.Changes.Select(c => c.ToString()).ToList();

    /// <summary>A Transparencia record created and then changed: two entries, newest first, naming the record and its category.</summary>
    private async Task AssertCreatedThenChangedAsync(string kind, string recordName, string[] created, string[] changed)
    {
        var rows = await RowsAsync(kind);

        Assert.Equal([AuditAction.Modificado, AuditAction.Creado], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal((recordName, "Transparencia"), (r.RecordName, r.CategoryName)));
        Assert.Equal(created, Texts(rows[1]));
        Assert.Equal(changed, Texts(rows[0]));
        AssertNothingTechnical(rows.ToArray());
    }

    private static void AssertNothingTechnical(params AuditTrailRow[] rows)
    {
        foreach (var change in rows.SelectMany(r => r.Changes))
        {
            Assert.DoesNotContain(change.Field, Technical);
            Assert.DoesNotContain("Otro dato", change.Field, StringComparison.Ordinal);
            Assert.Matches("^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]", change.Field);
        }
    }

    private async Task<List<AuditTrailRow>> RowsAsync(string kind)
    {
        var trail = new AuditTrailService(Database, TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Administrador, "admin")));
        var page = await trail.SearchAsync(new AuditQuery { Kind = kind, PageSize = AuditQuery.MaxPageSize }, Ct);
        Assert.All(page.Rows, r => Assert.Equal((kind, "Martha Saldaña"), (r.EntityType, r.UserName)));
        return page.Rows.ToList();
    }

    private async Task<int> TransparenciaFindingAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Findings.Where(f => f.Category.Name == "Transparencia").OrderBy(f => f.DisplayOrder).Select(f => f.Id).FirstAsync(Ct);
    }

    private async Task<int> TransparenciaActionAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Actions.Where(a => a.Finding.Category.Name == "Transparencia").OrderBy(a => a.DisplayOrder).Select(a => a.Id).FirstAsync(Ct);
    }
}
