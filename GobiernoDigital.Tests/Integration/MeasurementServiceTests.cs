using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test works on a seeded SQLite file of its own: vigencia 2023 is the only measurement (Transparencia 40,
// Gobierno de TI sin medición, 640/16 = 40,0 %) and there are no meta rows.
public sealed class MeasurementServiceTests : SeededDatabaseTestBase
{
    private const int Seeded = 2023;
    private const int NewVigencia = 2024;

    [Fact]
    public async Task ListAsync_Seed_ListsVigencia2023WithItsFigureAndCoverage()
    {
        var list = await Service(FakeCurrentUser.Anonymous()).ListAsync(Ct);

        var seeded = Assert.Single(list);
        Assert.Equal(Seeded, seeded.Vigencia);
        Assert.Equal(40m, seeded.Percentage);
        Assert.Equal("16 de 17 categorías medidas", seeded.Coverage.Text);
        Assert.Equal("Resultado oficial FURAG", seeded.SourceText);
        Assert.Equal(await ScoreRowsAsync(Seeded), seeded.ScoreCount);
    }

    [Fact]
    public async Task NewFormAsync_NoVigenciaGiven_TheNextOneWithEverySeedCategoryInOrderAndThe2023Hints()
    {
        var form = await Service(User).NewFormAsync(null, Ct);

        Assert.Equal(NewVigencia, form.Vigencia);
        Assert.Equal(Seeded, form.PreviousVigencia);
        Assert.Equal(0, form.Revision);
        Assert.Equal(await CategoryNamesInOrderAsync(), form.Rows.Select(r => r.CategoryName));
        Assert.Equal("40,0", Row(form, "Transparencia").PreviousScore);
        Assert.Equal("Sin medición", Row(form, "Gobierno de TI").PreviousScore);
        Assert.Equal("TIC para la Gestión", Row(form, "Gobierno de TI").ComponentName);
        Assert.All(form.Rows, r => Assert.True(r.Input.Status == ScoreStatus.Measured && r.Input.ScoreText is null));
    }

    [Fact]
    public async Task NewFormAsync_CategoryRetiredFromThatVigencia_HasNoRow()
    {
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            (await db.Categories.SingleAsync(c => c.Name == "Colaboración", Ct)).Retire(NewVigencia);
            await db.SaveChangesAsync(Ct);
        }

        var service = Service(User);

        Assert.DoesNotContain("Colaboración", (await service.NewFormAsync(NewVigencia, Ct)).Rows.Select(r => r.CategoryName));
        Assert.Contains("Colaboración", (await service.NewFormAsync(2022, Ct)).Rows.Select(r => r.CategoryName));
    }

    [Fact]
    public async Task NewFormAsync_NoMeasurementAtAll_LastYearInColombia()
    {
        var service = Service(User);
        Assert.True((await service.DeleteAsync(Seeded, (await service.GetForEditAsync(Seeded, Ct))!.Revision, Ct)).Succeeded);

        var form = await service.NewFormAsync(null, Ct);

        Assert.Equal(Now.Year - 1, form.Vigencia);
        Assert.Null(form.PreviousVigencia);
        Assert.All(form.Rows, r => Assert.Null(r.PreviousScore));
    }

    [Fact]
    public async Task CreateAsync_Editor_SavesDetailsAndEveryScoreAndTheOverviewShowsTheFigure()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        form.Date = new DateTime(2025, 4, 30);
        form.Source = MeasurementSource.ResultadoOficialFurag;
        form.OfficialIndexText = "72,4";
        var typed = Fill(form);
        Row(form, "Transparencia").Input.Observation = "  Sube por el botón de transparencia  ";

        var result = await service.CreateAsync(form, Ct);

        Assert.Equal(MeasurementChangeStatus.Done, result.Status);
        Assert.Equal($"Se registró la medición de la vigencia {NewVigencia} con {form.Rows.Count} puntajes.", result.Message);
        await using var db = await Database.CreateDbContextAsync(Ct);
        var saved = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category).SingleAsync(m => m.Vigencia == NewVigencia, Ct);
        Assert.Equal(new DateOnly(2025, 4, 30), saved.Date);
        Assert.Equal(MeasurementSource.ResultadoOficialFurag, saved.Source);
        Assert.Equal(72.4m, saved.OfficialIndex);
        Assert.Equal(typed, saved.Scores.ToDictionary(s => s.Category.Name, s => s.Score));
        Assert.Equal("Sube por el botón de transparencia", saved.Scores.Single(s => s.Category.Name == "Transparencia").Observation);

        var overview = await new ComplianceService(Database).GetOverviewAsync(NewVigencia, Ct);
        Assert.NotNull(overview);
        var expected = await ExpectedPercentageAsync(typed);
        Assert.Equal(expected, overview.Report.Percentage);
        Assert.Equal(Seeded, overview.Report.PreviousVigencia);
        Assert.Equal(expected - 40m, overview.Report.Change);
    }

    [Fact]
    public async Task CreateAsync_Editor_EveryScoreAndTheMeasurementAuditedAsCreated()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Fill(form);

        await service.CreateAsync(form, Ct);

        await using var db = await Database.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.ToListAsync(Ct);
        Assert.All(entries, e => Assert.Equal(AuditAction.Creado, e.Action));
        Assert.All(entries, e => Assert.Equal("Martha Saldaña", e.UserName));
        Assert.Single(entries, e => e.EntityType == "Medición");
        Assert.Equal(form.Rows.Count, entries.Count(e => e.EntityType == "Puntaje"));
    }

    [Fact]
    public async Task CreateAsync_PreviousMetas_CopiedFromTheLatestEarlierVigenciaThatHasOne()
    {
        var ids = await CategoryIdsAsync();
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Targets.AddRange(
                new Target(ids["Transparencia"], 2022, 60m),
                new Target(ids["Transparencia"], Seeded, 80m),
                new Target(ids["Colaboración"], 2021, 55.5m),
                new Target(ids["Información"], Seeded, 90m),
                new Target(ids["Información"], NewVigencia, 70m));
            await db.SaveChangesAsync(Ct);
        }

        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Fill(form);
        Assert.True((await service.CreateAsync(form, Ct)).Succeeded);

        await using var check = await Database.CreateDbContextAsync(Ct);
        var metas = await check.Targets.Where(t => t.Vigencia == NewVigencia).ToDictionaryAsync(t => t.CategoryId, t => t.Value, Ct);
        Assert.Equal(
            new Dictionary<int, decimal>
            {
                [ids["Transparencia"]] = 80m, // 2023's, the latest before 2024
                [ids["Colaboración"]] = 55.5m, // 2021's: no meta in 2022 or 2023
                [ids["Información"]] = 70m, // already set for 2024: kept
            },
            metas);
        // Without an earlier meta there is nothing to copy: the meta stays the default 100.
        var snapshot = await ScoringSnapshot.LoadAsync(check, Ct);
        Assert.Equal(Target.Default, snapshot.TargetOf(ids["Gobierno de TI"], NewVigencia));
    }

    [Fact]
    public async Task CreateAsync_VigenciaAlreadyRecorded_RefusedWithSpanishMessageAndNothingChanges()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(Seeded, Ct);
        Fill(form);
        var before = await Database.ContentHashAsync();

        var result = await service.CreateAsync(form, Ct);

        Assert.Equal(MeasurementChangeStatus.Duplicate, result.Status);
        Assert.Equal("Ya existe una medición de la vigencia 2023: ábrala para editarla.", result.Message);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CreateAsync_BadScoreInARow_RefusedWithTheFormsMessageAndNothingChanges()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Fill(form);
        Row(form, "Colaboración").Input.ScoreText = "100,1";
        var before = await Database.ContentHashAsync();

        var result = await service.CreateAsync(form, Ct);

        Assert.Equal(MeasurementChangeStatus.Invalid, result.Status);
        Assert.Equal("El puntaje debe estar entre 0 y 100.", result.Message);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CreateAsync_RowForACategoryThatDoesNotApply_RefusedAndNothingChanges()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Fill(form);
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            // The catalog changes while the form is open.
            (await db.Categories.SingleAsync(c => c.Name == "Colaboración", Ct)).Retire(NewVigencia);
            await db.SaveChangesAsync(Ct);
        }

        var before = await Database.ContentHashAsync();

        var result = await service.CreateAsync(form, Ct);

        Assert.Equal(MeasurementChangeStatus.Invalid, result.Status);
        Assert.Equal("La categoría «Colaboración» no aplica a la vigencia 2024: recargue el formulario.", result.Message);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task CreateUpdateDelete_AnonymousOrLector_RefusedAndNothingChanges(string? role)
    {
        var editorForms = Service(User);
        var created = await editorForms.NewFormAsync(NewVigencia, Ct);
        Fill(created);
        var edited = (await editorForms.GetForEditAsync(Seeded, Ct))!;
        Row(edited, "Transparencia").Input.ScoreText = "99";
        var service = Service(role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "comite", "Comité"));
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(created, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(Seeded, edited.Revision, edited, Ct));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => service.DeleteAsync(Seeded, edited.Revision, Ct));

        Assert.Equal(
            role is null ? "Inicie sesión con una cuenta autorizada para hacer este cambio." : "Su cuenta no tiene permiso para hacer este cambio.",
            refused.Message);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task GetForEditAsync_Seed_CurrentValuesAndRevision()
    {
        var form = await Service(User).GetForEditAsync(Seeded, Ct);

        Assert.NotNull(form);
        Assert.Equal(Seeded, form.Vigencia);
        Assert.Equal(MeasurementSource.ResultadoOficialFurag, form.Source);
        Assert.Null(form.Date);
        Assert.Null(form.OfficialIndexText);
        Assert.Null(form.PreviousVigencia);
        Assert.Equal(await RevisionAsync(Seeded), form.Revision);
        Assert.Equal("40,0", Row(form, "Transparencia").Input.ScoreText);
        Assert.Equal(ScoreStatus.NotMeasured, Row(form, "Gobierno de TI").Input.Status);
        Assert.Equal(await CategoryNamesInOrderAsync(), form.Rows.Select(r => r.CategoryName));
    }

    [Fact]
    public async Task GetForEditAsync_UnknownVigencia_Null()
    {
        Assert.Null(await Service(User).GetForEditAsync(2030, Ct));
    }

    [Fact]
    public async Task ListAndForms_SeededMeasurement_IsDefinitivaAndANewOneStartsProvisionalWithTheImportsSource()
    {
        var service = Service(User);

        Assert.Equal(MeasurementState.Definitiva, Assert.Single(await service.ListAsync(Ct)).State);
        Assert.Equal(MeasurementState.Definitiva, (await service.GetForEditAsync(Seeded, Ct))!.State);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Assert.Equal(MeasurementState.Provisional, form.State);
        // The form and the import page start from the same source and state (Measurement.DefaultSource/DefaultState).
        Assert.Equal(Measurement.DefaultSource, form.Source);
        Assert.Equal(Measurement.DefaultState, form.State);
    }

    [Fact]
    public async Task CreateThenUpdate_State_ProvisionalSavedThenMadeDefinitivaAndTheOverviewSaysWhich()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        form.Source = MeasurementSource.ResultadoOficialFurag;
        Fill(form);
        Assert.Equal(MeasurementChangeStatus.Done, (await service.CreateAsync(form, Ct)).Status);
        var overview = await new ComplianceService(Database).GetOverviewAsync(NewVigencia, Ct);
        Assert.Equal("Resultado provisional · fuente: Resultado oficial FURAG", overview!.Measurement.ResultText);

        var edit = (await service.GetForEditAsync(NewVigencia, Ct))!;
        Assert.Equal(MeasurementState.Provisional, edit.State);
        edit.State = MeasurementState.Definitiva;
        Assert.Equal(MeasurementChangeStatus.Done, (await service.UpdateAsync(NewVigencia, edit.Revision, edit, Ct)).Status);

        Assert.Equal(MeasurementState.Definitiva, (await service.GetForEditAsync(NewVigencia, Ct))!.State);
        overview = await new ComplianceService(Database).GetOverviewAsync(NewVigencia, Ct);
        Assert.Equal("Resultado oficial FURAG", overview!.Measurement.ResultText);
    }

    [Fact]
    public async Task CreateAsync_StateOutOfRange_RefusedInSpanishAndNothingSaved()
    {
        var service = Service(User);
        var form = await service.NewFormAsync(NewVigencia, Ct);
        Fill(form);
        form.State = (MeasurementState)7;

        var result = await service.CreateAsync(form, Ct);

        Assert.Equal(MeasurementChangeStatus.Invalid, result.Status);
        Assert.Equal("Elija el estado de la medición: provisional o definitiva.", result.Message);
        Assert.Null(await service.GetForEditAsync(NewVigencia, Ct));
    }

    [Fact]
    public async Task UpdateAsync_Editor_SavesDetailsAndScoresBumpsTheRevisionAndAuditsTheChanges()
    {
        var service = Service(User);
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        form.Date = new DateTime(2024, 5, 20);
        form.OfficialIndexText = "61.3";
        Row(form, "Transparencia").Input.ScoreText = "55,5";
        Row(form, "Gobierno de TI").Input.Status = ScoreStatus.NotApplicable;

        var result = await service.UpdateAsync(Seeded, form.Revision, form, Ct);

        Assert.Equal(MeasurementChangeStatus.Done, result.Status);
        var saved = (await service.GetForEditAsync(Seeded, Ct))!;
        Assert.Equal(new DateTime(2024, 5, 20), saved.Date);
        Assert.Equal("61,3", saved.OfficialIndexText);
        Assert.Equal("55,5", Row(saved, "Transparencia").Input.ScoreText);
        Assert.Equal(ScoreStatus.NotApplicable, Row(saved, "Gobierno de TI").Input.Status);
        Assert.Equal(form.Revision + 1, saved.Revision);
        await using var db = await Database.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.ToListAsync(Ct);
        Assert.Single(entries, e => e.EntityType == "Medición" && e.Action == AuditAction.Modificado);
        // Only the two scores that changed.
        Assert.Equal(
            new[] { Row(form, "Transparencia").CategoryId, Row(form, "Gobierno de TI").CategoryId }.Order(),
            entries.Where(e => e.EntityType == "Puntaje" && e.Action == AuditAction.Modificado).Select(e => e.CategoryId!.Value).Order());
        Assert.Equal(3, entries.Count);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_NothingWritten()
    {
        var service = Service(User);
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        var before = await Database.ContentHashAsync();

        var result = await service.UpdateAsync(Seeded, form.Revision, form, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAsync_TwoFormsReadAtTheSameRevision_FirstWinsAndTheSecondGetsTheConflictWithTheCurrentValues()
    {
        var first = Service(User);
        var second = Service(FakeCurrentUser.InRole(Roles.Editor, "otra", "Otra Editora"));
        var firstForm = (await first.GetForEditAsync(Seeded, Ct))!;
        var secondForm = (await second.GetForEditAsync(Seeded, Ct))!;
        Assert.Equal(firstForm.Revision, secondForm.Revision);
        Row(firstForm, "Transparencia").Input.ScoreText = "50";
        Row(secondForm, "Transparencia").Input.ScoreText = "60";
        Row(secondForm, "Colaboración").Input.ScoreText = "35";

        var firstResult = await first.UpdateAsync(Seeded, firstForm.Revision, firstForm, Ct);
        var afterFirst = await Database.ContentHashAsync();
        var secondResult = await second.UpdateAsync(Seeded, secondForm.Revision, secondForm, Ct);

        Assert.Equal(MeasurementChangeStatus.Done, firstResult.Status);
        Assert.Equal(MeasurementChangeStatus.Conflict, secondResult.Status);
        Assert.Equal(MeasurementService.ConflictMessage, secondResult.Message);
        Assert.StartsWith("Otro usuario guardó esta medición", secondResult.Message, StringComparison.Ordinal);
        var current = Assert.IsType<MeasurementFormModel>(secondResult.Current);
        Assert.Equal("50,0", Row(current, "Transparencia").Input.ScoreText);
        Assert.Equal("0,0", Row(current, "Colaboración").Input.ScoreText);
        Assert.Equal(firstForm.Revision + 1, current.Revision);
        Assert.Equal(afterFirst, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAsync_AfterASingleScoreEdit_Conflict()
    {
        var service = Service(User);
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        var transparencia = Row(form, "Transparencia").CategoryId;
        var scores = new ScoreEditingService(Database, TestAuthorization.Guard(User), new FixedTimeProvider(Now));
        Assert.True((await scores.SetScoreAsync(transparencia, Seeded, Score.Measured(70m), null, Ct)).Succeeded);
        Row(form, "Transparencia").Input.ScoreText = "45";

        var result = await service.UpdateAsync(Seeded, form.Revision, form, Ct);

        Assert.Equal(MeasurementChangeStatus.Conflict, result.Status);
        Assert.Equal("70,0", Row(result.Current!, "Transparencia").Input.ScoreText);
    }

    [Fact]
    public async Task UpdateAsync_AnotherSaveBetweenItsReadAndItsWrite_ConflictAndTheOtherSaveStays()
    {
        var transparencia = (await CategoryIdsAsync())["Transparencia"];
        var other = new ScoreEditingService(Database, TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Editor, "otra")), new FixedTimeProvider(Now));
        var racing = new RaceBeforeWrite(Database, async () =>
            Assert.True((await other.SetScoreAsync(transparencia, Seeded, Score.Measured(70m), null, Ct)).Succeeded));
        var service = new MeasurementService(racing, TestAuthorization.Guard(User), new FixedTimeProvider(Now));
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        Row(form, "Transparencia").Input.ScoreText = "45";
        Row(form, "Colaboración").Input.ScoreText = "15";

        var result = await service.UpdateAsync(Seeded, form.Revision, form, Ct);

        Assert.True(racing.Raced);
        Assert.Equal(MeasurementChangeStatus.Conflict, result.Status);
        Assert.Equal("70,0", Row(result.Current!, "Transparencia").Input.ScoreText);
        Assert.Equal("0,0", Row(result.Current!, "Colaboración").Input.ScoreText);
        var stored = (await service.GetForEditAsync(Seeded, Ct))!;
        Assert.Equal("70,0", Row(stored, "Transparencia").Input.ScoreText);
        Assert.Equal("0,0", Row(stored, "Colaboración").Input.ScoreText);
    }

    [Fact]
    public async Task DeleteAsync_Editor_DeletesTheMeasurementAndItsScoresAuditedAndKeepsTheMetas()
    {
        var transparencia = (await CategoryIdsAsync())["Transparencia"];
        var scores = new ScoreEditingService(Database, TestAuthorization.Guard(User), new FixedTimeProvider(Now));
        Assert.True((await scores.SetTargetAsync(transparencia, Seeded, 80m, Ct)).Succeeded);
        var scoreRows = await ScoreRowsAsync(Seeded);
        var service = Service(User);

        var result = await service.DeleteAsync(Seeded, await RevisionAsync(Seeded), Ct);

        Assert.Equal(MeasurementChangeStatus.Done, result.Status);
        Assert.Equal($"Se eliminó la medición de la vigencia 2023 con sus {scoreRows} puntajes. Las metas se conservan.", result.Message);
        Assert.Empty(await service.ListAsync(Ct));
        await using var db = await Database.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.Scores.CountAsync(Ct));
        Assert.Equal(80m, (await db.Targets.SingleAsync(t => t.CategoryId == transparencia && t.Vigencia == Seeded, Ct)).Value);
        var deletions = await db.AuditEntries.Where(a => a.Action == AuditAction.Eliminado).ToListAsync(Ct);
        Assert.Single(deletions, e => e.EntityType == "Medición");
        Assert.Equal(scoreRows, deletions.Count(e => e.EntityType == "Puntaje"));
        Assert.All(deletions, e => Assert.Equal("Martha Saldaña", e.UserName));
        Assert.Contains(deletions, e => e.CategoryId == transparencia && e.OldValues!.Contains("\"Value\":40", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_StaleRevision_ConflictAndNothingDeleted()
    {
        var service = Service(User);
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        Row(form, "Transparencia").Input.ScoreText = "41";
        Assert.True((await service.UpdateAsync(Seeded, form.Revision, form, Ct)).Succeeded);
        var before = await Database.ContentHashAsync();

        var result = await service.DeleteAsync(Seeded, form.Revision, Ct);

        Assert.Equal(MeasurementChangeStatus.Conflict, result.Status);
        Assert.Equal(MeasurementService.DeleteConflictMessage, result.Message);
        Assert.Equal("41,0", Row(result.Current!, "Transparencia").Input.ScoreText);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownVigencia_NotFoundAndNothingChanges()
    {
        var service = Service(User);
        var form = (await service.GetForEditAsync(Seeded, Ct))!;
        form.Vigencia = 2030;
        var before = await Database.ContentHashAsync();

        var update = await service.UpdateAsync(2030, 0, form, Ct);
        var delete = await service.DeleteAsync(2030, 0, Ct);

        Assert.Equal(MeasurementChangeStatus.NotFound, update.Status);
        Assert.Equal(MeasurementChangeStatus.NotFound, delete.Status);
        Assert.StartsWith("No hay una medición registrada para la vigencia 2030", delete.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task ScoreEditing_SetScore_BumpsTheRevision()
    {
        var before = await RevisionAsync(Seeded);
        var transparencia = (await CategoryIdsAsync())["Transparencia"];
        var scores = new ScoreEditingService(Database, TestAuthorization.Guard(User), new FixedTimeProvider(Now));

        await scores.SetScoreAsync(transparencia, Seeded, Score.Measured(41m), null, Ct);

        Assert.Equal(before + 1, await RevisionAsync(Seeded));
    }

    [Fact]
    public async Task ScoreEditing_SetScoreLosingTheRaceAgainstAFormSave_RefusedInSpanishAndTheFormsValuesStay()
    {
        var transparencia = (await CategoryIdsAsync())["Transparencia"];
        var forms = Service(FakeCurrentUser.InRole(Roles.Editor, "otra"));
        var form = (await forms.GetForEditAsync(Seeded, Ct))!;
        Row(form, "Transparencia").Input.ScoreText = "65";
        var racing = new RaceBeforeWrite(Database, async () =>
            Assert.True((await forms.UpdateAsync(Seeded, form.Revision, form, Ct)).Succeeded));
        var scores = new ScoreEditingService(racing, TestAuthorization.Guard(User), new FixedTimeProvider(Now));

        var result = await scores.SetScoreAsync(transparencia, Seeded, Score.Measured(70m), null, Ct);

        Assert.True(racing.Raced);
        Assert.Equal(
            EditResult.Fail("Otro usuario guardó la medición de la vigencia 2023 al mismo tiempo: no se guardó el puntaje. Recargue y vuelva a intentarlo."),
            result);
        Assert.Equal("65,0", Row((await forms.GetForEditAsync(Seeded, Ct))!, "Transparencia").Input.ScoreText);
    }

    /// <summary>
    /// Distinct scores for every row (20; 24,5; 29; …, typed with a decimal comma) and "Sin medición" for Gobierno de TI,
    /// as in the seed. Returns what each category should hold.
    /// </summary>
    private static Dictionary<string, Score> Fill(MeasurementFormModel form)
    {
        var typed = new Dictionary<string, Score>();
        foreach (var (row, index) in form.Rows.Select((r, i) => (r, i)))
        {
            if (row.CategoryName == "Gobierno de TI")
            {
                row.Input.Status = ScoreStatus.NotMeasured;
                typed[row.CategoryName] = Score.NotMeasured;
                continue;
            }

            var value = 20m + (index * 4.5m);
            row.Input.Status = ScoreStatus.Measured;
            row.Input.ScoreText = value.ToString(EsCo.Culture);
            typed[row.CategoryName] = Score.Measured(value);
        }

        return typed;
    }

    private static MeasurementRowModel Row(MeasurementFormModel form, string categoryName) =>
        form.Rows.Single(r => r.CategoryName == categoryName);

    private MeasurementService Service(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(Now));

    /// <summary>Σ wᵢ·sᵢ / Σ wᵢ over the measured scores, with the weights in the database.</summary>
    private async Task<decimal> ExpectedPercentageAsync(Dictionary<string, Score> typed)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var weights = await db.Categories.ToDictionaryAsync(c => c.Name, c => c.Weight, Ct);
        var measured = typed.Where(t => t.Value.IsMeasured).ToList();
        return measured.Sum(t => weights[t.Key] * t.Value.Value!.Value) / measured.Sum(t => weights[t.Key]);
    }

    private async Task<List<string>> CategoryNamesInOrderAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Categories
            .OrderBy(c => c.Component.DisplayOrder).ThenBy(c => c.DisplayOrder)
            .Select(c => c.Name)
            .ToListAsync(Ct);
    }

    private async Task<Dictionary<string, int>> CategoryIdsAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Categories.ToDictionaryAsync(c => c.Name, c => c.Id, Ct);
    }

    private async Task<int> RevisionAsync(int vigencia)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Measurements.Where(m => m.Vigencia == vigencia).Select(m => m.Revision).SingleAsync(Ct);
    }

    private async Task<int> ScoreRowsAsync(int vigencia)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Scores.CountAsync(s => db.Measurements.Any(m => m.Id == s.MeasurementId && m.Vigencia == vigencia), Ct);
    }
}
