using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test reads a seeded SQLite file of its own with the audit entries it adds (xunit makes a new instance per test).
public sealed class AuditTrailServiceTests : SeededDatabaseTestBase
{
    private int _transparencia;
    private int _otherCategory;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Database.CreateDbContextAsync(Ct);
        _transparencia = await db.Categories.Where(c => c.Name == "Transparencia").Select(c => c.Id).SingleAsync(Ct);
        _otherCategory = await db.Categories.Where(c => c.Id != _transparencia).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SearchAsync_AnonymousOrLector_Refused(string? role)
    {
        await AddAsync(Entry(new DateTime(2024, 3, 1, 12, 0, 0)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(UserIn(role)).SearchAsync(new AuditQuery(), Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task GetFilterOptionsAsync_AnonymousOrLector_Refused(string? role)
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(UserIn(role)).GetFilterOptionsAsync(Ct));
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Administrador)]
    public async Task SearchAsync_EditorOrAdministrador_ReadsTheTrail(string role)
    {
        await AddAsync(Entry(new DateTime(2024, 3, 1, 12, 0, 0)));

        var page = await Service(UserIn(role)).SearchAsync(new AuditQuery(), Ct);

        Assert.Equal(1, page.TotalCount);
        Assert.Single(page.Rows);
    }

    [Fact]
    public async Task SearchAsync_Row_ShowsTheTimeInColombia()
    {
        await AddAsync(Entry(new DateTime(2024, 3, 1, 3, 0, 0), user: "asesor", userName: "Martha Saldaña", categoryId: _transparencia));

        var row = Assert.Single((await Service(User).SearchAsync(new AuditQuery(), Ct)).Rows);

        Assert.Equal(new DateTime(2024, 2, 29, 22, 0, 0), row.OccurredAtColombia);
        Assert.Equal("29/02/2024 22:00:00", row.OccurredAtText);
        Assert.Equal("Martha Saldaña", row.UserName);
        Assert.Equal(AuditAction.Modificado, row.Action);
        Assert.Equal("Puntaje", row.EntityType);
        Assert.Equal("Transparencia", row.CategoryName);
    }

    [Fact]
    public async Task SearchAsync_DayRange_UsesColombiasCalendar()
    {
        await AddAsync(
            Entry(new DateTime(2024, 2, 29, 4, 59, 59), key: "28 feb 23:59:59"),
            Entry(new DateTime(2024, 2, 29, 5, 0, 0), key: "29 feb 00:00:00"),
            Entry(new DateTime(2024, 3, 1, 3, 0, 0), key: "29 feb 22:00"),
            Entry(new DateTime(2024, 3, 1, 4, 59, 59), key: "29 feb 23:59:59"),
            Entry(new DateTime(2024, 3, 1, 5, 0, 0), key: "1 mar 00:00:00"));
        var day = new DateOnly(2024, 2, 29);

        var page = await Service(User).SearchAsync(new AuditQuery { From = day, To = day }, Ct);

        Assert.Equal(["29 feb 23:59:59", "29 feb 22:00", "29 feb 00:00:00"], page.Rows.Select(r => r.EntityKey));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_ToOn31December9999_AnswersInsteadOfOverflowing()
    {
        await AddAsync(Entry(new DateTime(2024, 1, 10, 12, 0, 0), key: "enero"));

        var page = await Service(User).SearchAsync(new AuditQuery { From = DateOnly.MinValue, To = DateOnly.MaxValue }, Ct);

        Assert.Equal(["enero"], page.Rows.Select(r => r.EntityKey));
    }

    [Fact]
    public async Task SearchAsync_OnlyFromOrOnlyTo_LeavesTheOtherSideOpen()
    {
        await AddAsync(
            Entry(new DateTime(2024, 1, 10, 12, 0, 0), key: "enero"),
            Entry(new DateTime(2024, 3, 1, 3, 0, 0), key: "29 feb"),
            Entry(new DateTime(2024, 6, 10, 12, 0, 0), key: "junio"));
        var service = Service(User);

        var fromMarch = await service.SearchAsync(new AuditQuery { From = new DateOnly(2024, 3, 1) }, Ct);
        var toFebruary = await service.SearchAsync(new AuditQuery { To = new DateOnly(2024, 2, 29) }, Ct);

        Assert.Equal(["junio"], fromMarch.Rows.Select(r => r.EntityKey));
        Assert.Equal(["29 feb", "enero"], toFebruary.Rows.Select(r => r.EntityKey));
    }

    [Fact]
    public async Task SearchAsync_ByUser_OnlyThatUsersChanges()
    {
        await AddAsync(
            Entry(new DateTime(2024, 3, 1, 12, 0, 0), user: "asesor", userName: "Martha Saldaña", key: "1"),
            Entry(new DateTime(2024, 3, 2, 12, 0, 0), user: "admin", userName: "Ana Administradora", key: "2"),
            Entry(new DateTime(2024, 3, 3, 12, 0, 0), user: "asesor", userName: "Martha Saldaña", key: "3"));

        var page = await Service(User).SearchAsync(new AuditQuery { UserId = FakeCurrentUser.IdOf("asesor") }, Ct);

        Assert.Equal(["3", "1"], page.Rows.Select(r => r.EntityKey));
        Assert.All(page.Rows, r => Assert.Equal("Martha Saldaña", r.UserName));
    }

    [Fact]
    public async Task SearchAsync_ByCategory_OnlyThatCategorysChangesWithItsName()
    {
        await AddAsync(
            Entry(new DateTime(2024, 3, 1, 12, 0, 0), categoryId: _transparencia, key: "1"),
            Entry(new DateTime(2024, 3, 2, 12, 0, 0), categoryId: _otherCategory, key: "2"),
            Entry(new DateTime(2024, 3, 3, 12, 0, 0), categoryId: null, key: "3"));

        var page = await Service(User).SearchAsync(new AuditQuery { CategoryId = _transparencia }, Ct);

        var row = Assert.Single(page.Rows);
        Assert.Equal("1", row.EntityKey);
        Assert.Equal("Transparencia", row.CategoryName);
    }

    [Fact]
    public async Task SearchAsync_ThirtyEntries_PagesOfTwentyFiveNewestFirst()
    {
        var start = new DateTime(2024, 3, 1, 12, 0, 0);
        await AddAsync(Enumerable.Range(1, 30).Select(i => Entry(start.AddMinutes(i), key: i.ToString(EsCo.Culture))).ToArray());
        var service = Service(User);

        var first = await service.SearchAsync(new AuditQuery { Page = 0 }, Ct);
        var second = await service.SearchAsync(new AuditQuery { Page = 1 }, Ct);

        Assert.Equal(30, first.TotalCount);
        Assert.Equal(30, second.TotalCount);
        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(i => i.ToString(EsCo.Culture)), first.Rows.Select(r => r.EntityKey));
        Assert.Equal(["5", "4", "3", "2", "1"], second.Rows.Select(r => r.EntityKey));
    }

    [Theory]
    [InlineData(500, 100)]
    [InlineData(0, 1)]
    [InlineData(10, 10)]
    public async Task SearchAsync_PageSize_KeptBetweenOneAndHundred(int asked, int expected)
    {
        var start = new DateTime(2024, 3, 1, 12, 0, 0);
        await AddAsync(Enumerable.Range(1, 120).Select(i => Entry(start.AddMinutes(i))).ToArray());

        var page = await Service(User).SearchAsync(new AuditQuery { PageSize = asked }, Ct);

        Assert.Equal(expected, page.Rows.Count);
        Assert.Equal(120, page.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_ScoreChangedThroughTheService_ReadsAsSpanishChangeText()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 3, 1, 3, 0, 0, TimeSpan.Zero));
        var editing = new ScoreEditingService(Database, Guard, clock);
        await editing.SetScoreAsync(_transparencia, 2023, Score.Measured(55.5m), null, Ct);

        var row = Assert.Single((await Service(User).SearchAsync(new AuditQuery { CategoryId = _transparencia }, Ct)).Rows);

        Assert.Equal(["Puntaje: 40,0 → 55,5"], row.Changes.Select(c => c.ToString()));
        Assert.Equal("Transparencia, vigencia 2023", row.RecordName);
        Assert.Equal("29/02/2024 22:00:00", row.OccurredAtText);
        Assert.Equal("Martha Saldaña", row.UserName);
        Assert.Equal("Transparencia", row.CategoryName);
    }

    [Fact]
    public async Task GetFilterOptionsAsync_UsersOfTheTrailWithTheirLatestNameAndEveryCategory()
    {
        await AddAsync(
            Entry(new DateTime(2024, 3, 1, 12, 0, 0), user: "asesor", userName: "Martha S."),
            Entry(new DateTime(2024, 3, 2, 12, 0, 0), user: "admin", userName: "Ana Administradora"),
            Entry(new DateTime(2024, 3, 3, 12, 0, 0), user: "asesor", userName: "Martha Saldaña"));

        var options = await Service(User).GetFilterOptionsAsync(Ct);

        Assert.Equal(
            [new AuditFilterOption<string>(FakeCurrentUser.IdOf("admin"), "Ana Administradora"), new AuditFilterOption<string>(FakeCurrentUser.IdOf("asesor"), "Martha Saldaña")],
            options.Users);
        Assert.Equal(17, options.Categories.Count);
        Assert.Contains(new AuditFilterOption<int>(_transparencia, "Transparencia"), options.Categories);
    }

    [Fact]
    public async Task Read_OlderScoreEntry_LabelInSpanishAndOneDecimalWithComma()
    {
        Assert.Equal(["Puntaje: 40,0 → 55,5"], await LegacyAsync("Puntaje", AuditAction.Modificado, """{"Value":40.0}""", """{"Value":55.5}"""));
    }

    [Fact]
    public async Task Read_OlderCreatedMeta_CategoryByNameAndIntegersStayIntegers()
    {
        var changes = await LegacyAsync("Meta", AuditAction.Creado, null, $$"""{"CategoryId":{{_transparencia}},"Vigencia":2024,"Value":80}""");

        Assert.Equal(["Categoría: Transparencia", "Vigencia: 2024", "Meta: 80,0"], changes);
    }

    [Fact]
    public async Task Read_OlderDeletedMeta_ListsWhatItHeld()
    {
        Assert.Equal(["Meta: 90,5"], await LegacyAsync("Meta", AuditAction.Eliminado, """{"Value":90.5}""", null));
    }

    [Fact]
    public async Task Read_OlderActionStatus_UsesTheActionsWordsNotTheScores()
    {
        var changes = await LegacyAsync("Acción de mejora", AuditAction.Modificado, """{"Status":0,"Progress":0}""", """{"Status":1,"Progress":40}""");

        Assert.Equal(["Estado de la acción: No iniciada → En curso", "Avance: 0 % → 40 %"], changes);
    }

    [Fact]
    public async Task Read_OlderFindingAndScore_StatusNullBooleanDateAndTextReadInSpanish()
    {
        var finding = await LegacyAsync(
            "Hallazgo",
            AuditAction.Modificado,
            """{"ImprovementsNotApplicable":false,"DeadlineEnd":"2027-12-31","EffectivenessNote":null}""",
            """{"ImprovementsNotApplicable":true,"DeadlineEnd":null,"EffectivenessNote":"Sin evidencias"}""");
        var score = await LegacyAsync("Puntaje", AuditAction.Modificado, """{"Status":1,"Value":40.0}""", """{"Status":2,"Value":null}""");

        Assert.Equal(["Mejoras «No aplica»: No → Sí", "Fin del plazo: 31/12/2027 → —", "Evaluación de la eficacia: — → Sin evidencias"], finding);
        Assert.Equal(["Estado del puntaje: Medido → No aplica", "Puntaje: 40,0 → —"], score);
    }

    [Fact]
    public async Task Read_OlderPasswordReset_OnlyThePasswordNotTheUnchangedFields()
    {
        const string Snapshot = """{"UserName":"asesor","DisplayName":"Martha Saldaña","Role":"Editor","IsDisabled":false""";

        var changes = await LegacyAsync("Usuario", AuditAction.Modificado, Snapshot + "}", Snapshot + ""","Contraseña":"restablecida"}""");

        Assert.Equal(["Contraseña: restablecida"], changes);
    }

    [Fact]
    public async Task Read_OlderEntryWithAPropertyNobodyLabelled_GenericSpanishLabelNoError()
    {
        Assert.Equal(["Otro dato (Quarter): 0 → 1"], await LegacyAsync("Medición", AuditAction.Modificado, """{"Quarter":0}""", """{"Quarter":1}"""));
        Assert.Empty(await LegacyAsync("Puntaje", AuditAction.Modificado, "no es json", null));
    }

    private static AuditEntry Entry(DateTime occurredAtUtc, string user = "asesor", string userName = "Martha Saldaña", int? categoryId = null, string key = "1") => new()
    {
        OccurredAtUtc = occurredAtUtc,
        UserId = FakeCurrentUser.IdOf(user),
        UserName = userName,
        Action = AuditAction.Modificado,
        EntityType = "Puntaje",
        EntityKey = key,
        CategoryId = categoryId,
        OldValues = """{"Value":40.0}""",
        NewValues = """{"Value":55.5}""",
    };

    private async Task<IReadOnlyList<string>> LegacyAsync(string kind, AuditAction action, string? oldValues, string? newValues)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var names = await AuditNames.LoadAsync(db, Ct);
        var entry = new AuditEntry { EntityType = kind, EntityKey = "1", Action = action, OldValues = oldValues, NewValues = newValues };
        return AuditReader.Read(entry, names).Changes.Select(c => c.ToString()).ToList();
    }

    private AuditTrailService Service(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user));

    private async Task AddAsync(params AuditEntry[] entries)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(Ct);
    }
}
