using System.Text;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test imports into a seeded SQLite file of its own: 17 categories, vigencia 2023 measured (Transparencia 40,
// Colaboración 0, Información 70), no metas set.
public sealed class ScoreImportServiceTests : SeededDatabaseTestBase
{
    /// <summary>The audit clock of this class's changes (not the base's <see cref="SeededDatabaseTestBase.Now"/>).</summary>
    private static readonly DateTimeOffset ImportNow = new(2026, 4, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly string[] FullHeader = [ScoreColumns.Vigencia, ScoreColumns.Category, ScoreColumns.Score, ScoreColumns.Target, ScoreColumns.Observation];

    /// <summary>
    /// A good file: a changed score with a new observation, a new meta, an unchanged row, and a new vigencia with a
    /// measured score, a «No aplica» and a «Sin medición». Numbers are numbers in the workbook and text in the CSV.
    /// </summary>
    private static readonly object?[][] GoodRows =
    [
        [2023, "Transparencia", 55.5, null, "Portal de datos abiertos publicado."],
        [2023, "colaboracion", 0, 80, null],
        [2023, "Información", 70, null, null],
        [2024, "Transparencia", 62, 90, null],
        [2024, "Colaboración", "No aplica", null, null],
        [2024, "Gobierno de TI", "Sin medición", null, "Aún sin evaluar."],
    ];

    [Theory]
    [InlineData("puntajes.csv")]
    [InlineData("puntajes.xlsx")]
    public async Task CommitAsync_GoodFile_ChangesExactlyWhatThePreviewSaid(string fileName)
    {
        var service = Service(Editor);
        var before = await ScoreData.LoadAsync(Database, Ct);

        var preview = await PreviewAsync(service, GoodFile(fileName), fileName);
        var outcome = await service.CommitAsync(preview, MeasurementSource.Autodiagnostico, MeasurementState.Provisional, Ct);

        Assert.Empty(preview.Errors);
        Assert.Equal(new ImportSummary(MeasurementsCreated: 1, ScoresCreated: 3, ScoresChanged: 1, TargetsCreated: 2, TargetsChanged: 0, UnchangedRows: 1), preview.Summary);
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(preview.Summary, outcome.Summary);
        Assert.Equal([2023, 2024], outcome.Vigencias);
        ScoreData.AssertEqual(before.With(preview.Changes, MeasurementSource.Autodiagnostico), await ScoreData.LoadAsync(Database, Ct));
    }

    [Fact]
    public async Task CommitAsync_GoodFile_AuditsEveryChangeTouchesTheMeasurementsAndLeavesTheNewOneWithoutDate()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        var revision2023 = await RevisionAsync(2023);

        await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        await using var db = await Database.CreateDbContextAsync(Ct);
        // ONE summary entry for the file: counts per kind of record, one line per change behind it.
        var audit = Assert.Single(await db.AuditEntries.ToListAsync(Ct));
        Assert.Equal(("Asesora TI", ImportNow.UtcDateTime), (audit.UserName, audit.OccurredAtUtc));
        Assert.Equal((AuditCatalog.ImportKind, "Archivo «puntajes.csv»"), (audit.EntityType, audit.RecordName));
        var details = AuditJson.Details(audit.Details);
        Assert.Equal(preview.Changes.Count, details.Count);
        Assert.Equal(
            preview.Changes.Select(c => c.Kind switch
            {
                ImportChangeKind.CreateMeasurement => "Creado · Medición",
                ImportChangeKind.CreateScore => "Creado · Puntaje",
                ImportChangeKind.ChangeScore => "Modificado · Puntaje",
                ImportChangeKind.CreateTarget => "Creado · Meta",
                _ => "Modificado · Meta",
            }).Order(),
            details.Select(d => string.Join(" · ", d.Split(" · ").Take(2))).Order());
        Assert.Contains("Medición: 1 creación", AuditJson.Changes(audit.Changes).Select(c => c.ToString()));
        Assert.Contains("Creado · Medición · Vigencia 2024: Vigencia: 2024; Fuente: Resultado oficial FURAG; Estado de la medición: Provisional", details);
        Assert.Contains("Modificado · Puntaje · Transparencia, vigencia 2023: Puntaje: 40,0 → 55,5; Observación: — → Portal de datos abiertos publicado.", details);
        Assert.Contains("Creado · Puntaje · Colaboración, vigencia 2024: Medición: vigencia 2024; Categoría: Colaboración; Estado del puntaje: No aplica", details);
        var measurements = await db.Measurements.AsNoTracking().OrderBy(m => m.Vigencia).ToListAsync(Ct);
        Assert.Equal([(2023, revision2023 + 1), (2024, 1)], measurements.Select(m => (m.Vigencia, m.Revision)));
        Assert.Null(measurements[1].Date);
        Assert.Null(measurements[1].OfficialIndex);
    }

    [Theory]
    [InlineData(MeasurementState.Provisional)]
    [InlineData(MeasurementState.Definitiva)]
    public async Task CommitAsync_StateChosen_NewMeasurementTakesItAndTheExistingOneKeepsItsOwn(MeasurementState state)
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");

        Assert.True((await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, state, Ct)).Succeeded);

        await using var db = await Database.CreateDbContextAsync(Ct);
        var states = await db.Measurements.AsNoTracking().OrderBy(m => m.Vigencia).Select(m => new { m.Vigencia, m.State }).ToListAsync(Ct);
        // 2023 (seeded, definitiva) is only changed by the file; 2024 is created with the state chosen on the page.
        Assert.Equal([(2023, MeasurementState.Definitiva), (2024, state)], states.Select(m => (m.Vigencia, m.State)));
    }

    [Fact]
    public async Task CommitAsync_StateOutOfRange_RefusedAndNothingWritten()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        var before = await Database.ContentHashAsync();

        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, (MeasurementState)9, Ct);

        Assert.Equal("El estado de la medición no es válido.", outcome.Error);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    public static TheoryData<string> BadFiles { get; } =
    [
        "categoría desconocida", "puntaje fuera de rango", "texto en el puntaje", "texto en la meta", "categoría repetida",
        "archivo vacío", "columnas equivocadas", "archivo demasiado grande", "extensión desconocida", "no es un libro de Excel",
        "bomba zip", "encabezado muy ancho", "un millón de filas", "libro con DOCTYPE", "celda enorme citada",
    ];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task PreviewAndCommitAsync_BadFile_RefusedWithItsMessageAndTheDatabaseUnchanged(string badFile)
    {
        var (bytes, fileName, size, expected) = BadFile(badFile);
        var service = Service(Editor);
        var before = await Database.ContentHashAsync();

        var preview = await service.PreviewAsync(new MemoryStream(bytes), fileName, size, Ct);
        var afterPreview = await Database.ContentHashAsync();
        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Contains(expected, preview.Errors);
        Assert.False(preview.CanCommit);
        Assert.Equal(ImportApplier.FileHasErrors, outcome.Error);
        Assert.False(outcome.Succeeded);
        Assert.Equal(before, afterPreview);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CommitAsync_ScoreChangedSinceThePreview_RefusedAndOnlyTheOtherEditIsSaved()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        var edit = await new ScoreEditingService(Database, TestAuthorization.Guard(Editor), new FixedTimeProvider(ImportNow))
            .SetScoreAsync(await CategoryIdAsync("Transparencia"), 2023, Score.Measured(60m), null, Ct);
        Assert.True(edit.Succeeded);
        var afterEdit = await Database.ContentHashAsync();

        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Los datos cambiaron desde la vista previa; vuelva a cargar el archivo.", outcome.Error);
        Assert.Equal(afterEdit, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CommitAsync_MeasurementCreatedSinceThePreview_Refused()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Measurements.Add(new Measurement(2024, new DateOnly(2025, 5, 2), MeasurementSource.Autodiagnostico, null));
            await db.SaveChangesAsync(Ct);
        }

        var afterOtherSave = await Database.ContentHashAsync();

        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Equal(ImportApplier.DataChanged, outcome.Error);
        Assert.Equal(afterOtherSave, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CommitAsync_ChangeOutsideTheFileSinceThePreview_StillImports()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        await new ScoreEditingService(Database, TestAuthorization.Guard(Editor), new FixedTimeProvider(ImportNow))
            .SetScoreAsync(await CategoryIdAsync("Estrategia de TI"), 2023, Score.Measured(15m), null, Ct);
        var before = await ScoreData.LoadAsync(Database, Ct);

        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.True(outcome.Succeeded, outcome.Error);
        ScoreData.AssertEqual(before.With(preview.Changes, MeasurementSource.ResultadoOficialFurag), await ScoreData.LoadAsync(Database, Ct));
    }

    [Fact]
    public async Task CommitAsync_SamePreviewTwice_TheSecondIsRefused()
    {
        var service = Service(Editor);
        var preview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        Assert.True((await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct)).Succeeded);
        var afterFirst = await Database.ContentHashAsync();

        var second = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Equal(ImportApplier.DataChanged, second.Error);
        Assert.Equal(afterFirst, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task CommitAsync_FileWithoutChanges_SaysSoAndSavesNothing()
    {
        var service = Service(Editor);
        var bytes = ScoreFiles.Utf8(ScoreFiles.CsvText(';', ScoreFiles.RequiredHeader, [2023, "Transparencia", 40]));
        var preview = await PreviewAsync(service, bytes, "igual.csv");
        var before = await Database.ContentHashAsync();

        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Equal(1, preview.UnchangedRows);
        Assert.Equal(ImportApplier.NothingToImport, outcome.Error);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task PreviewAsync_AnonymousOrLector_Refused(string? role)
    {
        var service = Service(role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "lectora"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.PreviewAsync(new MemoryStream(GoodFile("puntajes.csv")), "puntajes.csv", 100, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task CommitAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var preview = await PreviewAsync(Service(Editor), GoodFile("puntajes.csv"), "puntajes.csv");
        var service = Service(role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "lectora"));
        var before = await Database.ContentHashAsync();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private static FakeCurrentUser Editor => FakeCurrentUser.InRole(Roles.Editor, "asesora", "Asesora TI");

    [Fact]
    public async Task PreviewAndCommitAsync_EveryImportSlotOfTheServerTaken_RefusedAsBusyAndNothingChanges()
    {
        var preview = await PreviewAsync(Service(Editor), GoodFile("puntajes.csv"), "puntajes.csv");
        using var gate = new ImportGate(2);
        var service = new ScoreImportService(Database, TestAuthorization.Guard(Editor), new FixedTimeProvider(ImportNow), gate);
        var before = await Database.ContentHashAsync();
        var first = gate.TryEnter();
        var second = gate.TryEnter();

        var busyPreview = await PreviewAsync(service, GoodFile("puntajes.csv"), "puntajes.csv");
        var busyCommit = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);

        Assert.Equal([ImportLimits.Busy], busyPreview.Errors.Select(e => e.Message));
        Assert.Equal(ImportLimits.Busy, busyCommit.Error);
        Assert.Equal(before, await Database.ContentHashAsync());

        // Once one of them ends, the next import gets its slot.
        first!.Dispose();
        Assert.True((await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct)).Succeeded);
        second!.Dispose();
    }

    [Fact]
    public async Task PreviewAsync_PageClosedWhileReading_StopsAndReleasesItsSlot()
    {
        using var gate = new ImportGate(1);
        var service = new ScoreImportService(Database, TestAuthorization.Guard(Editor), new FixedTimeProvider(ImportNow), gate);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        closing.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.PreviewAsync(new MemoryStream(GoodFile("puntajes.xlsx")), "puntajes.xlsx", 100, closing.Token));

        using var slot = gate.TryEnter();
        Assert.NotNull(slot);
    }

    private ScoreImportService Service(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(ImportNow));

    private static async Task<ImportPreview> PreviewAsync(ScoreImportService service, byte[] bytes, string fileName) =>
        await service.PreviewAsync(new MemoryStream(bytes), fileName, bytes.LongLength, Ct);

    private async Task<int> RevisionAsync(int vigencia)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Measurements.Where(m => m.Vigencia == vigencia).Select(m => m.Revision).SingleAsync(Ct);
    }

    private static byte[] GoodFile(string fileName) => fileName.EndsWith(".xlsx", StringComparison.Ordinal)
        ? ScoreFiles.Xlsx(FullHeader, GoodRows)
        : ScoreFiles.Utf8(ScoreFiles.CsvText(';', FullHeader, GoodRows.Select(r => r.Select(c => c is double d ? d.ToString(EsCo.Culture) : c).ToArray())), byteOrderMark: true);

    /// <summary>Each bad file has good rows too, so that refusing it is not the same as having nothing to save.</summary>
    private static (byte[] Bytes, string FileName, long Size, ImportIssue Expected) BadFile(string name)
    {
        byte[] Csv(params object?[][] rows) => ScoreFiles.Utf8(ScoreFiles.CsvText(';', FullHeader, rows));
        (byte[], string, long, ImportIssue) Row(byte[] bytes, int row, string message) => (bytes, "puntajes.csv", bytes.LongLength, new ImportIssue(row, message));
        (byte[], string, long, ImportIssue) File(byte[] bytes, string fileName, string message, long? size = null) =>
            (bytes, fileName, size ?? bytes.LongLength, new ImportIssue(null, message));

        return name switch
        {
            "categoría desconocida" => Row(Csv([2023, "Transparencia", 50, null, null], [2023, "Participación ciudadana", 50, null, null]), 3, "La categoría «Participación ciudadana» no está en el catálogo."),
            "puntaje fuera de rango" => Row(Csv([2023, "Transparencia", "100,5", null, null], [2024, "Transparencia", 50, null, null]), 2, ValidationRules.ScoreOutOfRange),
            "texto en el puntaje" => Row(Csv([2023, "Transparencia", 50, null, null], [2023, "Colaboración", "cuarenta", null, null]), 3, ValidationRules.ScoreNotANumber),
            "texto en la meta" => Row(Csv([2023, "Transparencia", 50, "ochenta", null]), 2, ValidationRules.TargetNotANumber),
            "categoría repetida" => Row(Csv([2023, "Transparencia", 50, null, null], [2023, "Colaboración", 10, null, null], [2023, "TRANSPARENCIA", 55, null, null]), 4, "La categoría «Transparencia» ya aparece en la fila 2 para la vigencia 2023."),
            "archivo vacío" => File([], "puntajes.csv", ScoreFileReader.EmptyFile),
            "columnas equivocadas" => File(ScoreFiles.Utf8("Año;Nombre;Valor\n2023;Transparencia;50\n"), "puntajes.csv", "Faltan las columnas obligatorias «Vigencia», «Categoría» y «Puntaje». La fila 1 debe tener los nombres de las columnas."),
            "archivo demasiado grande" => File(LargeCsv(), "puntajes.csv", "El archivo pesa 6,2 MB; el máximo es 5 MB."),
            "extensión desconocida" => File(Csv([2023, "Transparencia", 50, null, null]), "puntajes.txt", ScoreFileReader.UnsupportedExtension),
            "no es un libro de Excel" => File(Csv([2023, "Transparencia", 50, null, null]), "puntajes.xlsx", ScoreFileReader.NotAWorkbook),
            "bomba zip" => File(HostileFiles.SharedStringsBomb(64), "bomba.xlsx", ImportLimits.WorkbookTooLarge),
            "encabezado muy ancho" => File(HostileFiles.WideCsv(20_000, 2), "ancho.csv", ImportLimits.TooManyColumns),
            "un millón de filas" => File(HostileFiles.LongCsv(1_000_000), "largo.csv", ImportLimits.TooManyRows),
            "libro con DOCTYPE" => File(HostileFiles.WorkbookWithDoctype(), "doctype.xlsx", ScoreFileReader.NotAWorkbook),
            // A category name of 2.000 characters: the message quotes its first 80 and «…».
            "celda enorme citada" => Row(Csv([2023, new string('z', 2000), 50, null, null]), 2, $"La categoría «{new string('z', 80)}…» no está en el catálogo."),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown bad file."),
        };
    }

    /// <summary>A valid CSV of 6,2 MB: good rows padded with a long observation.</summary>
    private static byte[] LargeCsv()
    {
        var text = new StringBuilder("Vigencia;Categoría;Puntaje;Observación\n");
        var target = (int)(6.2m * 1024 * 1024);
        while (text.Length < target)
        {
            text.Append("2023;Transparencia;50;").Append('x', 1000).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString()[..target]);
    }
}
