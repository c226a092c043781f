using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test edits a seeded SQLite file of its own: the seed measures vigencia 2023 only, 17 categories in 4 components,
// and has no peer averages.
public sealed class PeerAverageServiceTests : SeededDatabaseTestBase
{
    private const int Vigencia = 2023;

    private int _transparencia;
    private int _colaboracion;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _transparencia = await CategoryIdAsync("Transparencia");
        _colaboracion = await CategoryIdAsync("Colaboración");
    }

    [Fact]
    public async Task GetGridAsync_Seed_OneColumnPerMeasuredVigenciaAndEveryCategoryGroupedByComponent()
    {
        var grid = await Service(Editor()).GetGridAsync(Ct);

        Assert.Equal([Vigencia], grid.Vigencias);
        Assert.Equal(
            ["TIC para Gobierno Abierto", "TIC para Servicios", "TIC para la Gestión", "Seguridad y Privacidad de la Información"],
            grid.Components.Select(c => c.Name));
        var rows = grid.Components.SelectMany(c => c.Rows).ToList();
        Assert.Equal(17, rows.Count);
        Assert.Equal("Transparencia", rows[0].Name);
        Assert.All(rows, r => Assert.Equal(new PeerGridCell(Vigencia, true, null), Assert.Single(r.Cells)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SaveAsync_AnonymousOrLector_RefusedAndDatabaseUnchanged(string? role)
    {
        var user = role is null ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "lector", "Lectora");
        var before = await Database.ContentHashAsync();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service(user).SaveAsync([new PeerCellChange(_transparencia, Vigencia, "55,5")], Ct));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_OneBadCellAmongGoodOnes_NothingSavedAndOnlyTheBadCellNamed()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).SaveAsync(
            [
                new PeerCellChange(_transparencia, Vigencia, "55,5"),
                new PeerCellChange(_colaboracion, Vigencia, "45,55"),
            ],
            Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(PeerAverageService.CellsRefused, result.Error);
        Assert.Equal([new PeerCellError(_colaboracion, Vigencia, ValidationRules.PeerAverageTooManyDecimals)], result.CellErrors);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_VigenciaWithoutMeasurementOrUnknownCategory_RefusedAndNothingSaved()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).SaveAsync(
            [
                new PeerCellChange(_transparencia, Vigencia, "55,5"),
                new PeerCellChange(_transparencia, 2024, "60"),
                new PeerCellChange(999_999, Vigencia, "60"),
            ],
            Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                new PeerCellError(_transparencia, 2024, "No hay una medición registrada para la vigencia 2024."),
                new PeerCellError(999_999, Vigencia, "La categoría no existe."),
            ],
            result.CellErrors);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_CategoryRetiredBeforeTheVigencia_RefusedWithItsName()
    {
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            var category = await db.Categories.SingleAsync(c => c.Id == _colaboracion, Ct);
            category.SetApplicability(null, Vigencia);
            await db.SaveChangesAsync(Ct);
        }

        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).SaveAsync([new PeerCellChange(_colaboracion, Vigencia, "30")], Ct);

        Assert.Equal([new PeerCellError(_colaboracion, Vigencia, $"La categoría «Colaboración» no aplica a la vigencia {Vigencia}.")], result.CellErrors);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_Editor_SavesEveryCellWithCommaOrPointAndAuditsEach()
    {
        var result = await Service(Editor()).SaveAsync(
            [
                new PeerCellChange(_transparencia, Vigencia, "55,5"),
                new PeerCellChange(_colaboracion, Vigencia, " 31.2 "),
            ],
            Ct);

        Assert.Equal((true, 2), (result.Succeeded, result.ChangedCells));
        Assert.Equal(
            [(_transparencia, 55.5m), (_colaboracion, 31.2m)],
            (await PeerAveragesAsync()).OrderBy(p => p.CategoryId == _colaboracion).ToList());
        await using var db = await Database.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("Promedio del grupo par", AuditAction.Creado, "Editora", Now.UtcDateTime), (e.EntityType, e.Action, e.UserName, e.OccurredAtUtc)));
        Assert.Equal(new[] { _transparencia, _colaboracion }.Order(), entries.Select(e => e.CategoryId!.Value).Order());
    }

    [Fact]
    public async Task SaveAsync_ChangedAndEmptiedCells_UpdatesOneAndDeletesTheOther()
    {
        var service = Service(Editor());
        await service.SaveAsync([new PeerCellChange(_transparencia, Vigencia, "55,5"), new PeerCellChange(_colaboracion, Vigencia, "31,2")], Ct);

        var result = await service.SaveAsync([new PeerCellChange(_transparencia, Vigencia, "57"), new PeerCellChange(_colaboracion, Vigencia, "  ")], Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.ChangedCells);
        Assert.Equal([(_transparencia, 57m)], await PeerAveragesAsync());
        await using var db = await Database.CreateDbContextAsync(Ct);
        var deleted = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.Eliminado, Ct);
        Assert.Equal(("Promedio del grupo par", _colaboracion), (deleted.EntityType, deleted.CategoryId!.Value));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Modificado, Ct));
    }

    [Fact]
    public async Task SaveAsync_SameValueWrittenDifferently_RecordsNothing()
    {
        var service = Service(Editor());
        await service.SaveAsync([new PeerCellChange(_transparencia, Vigencia, "55,5")], Ct);
        var before = await Database.ContentHashAsync();

        var result = await service.SaveAsync([new PeerCellChange(_transparencia, Vigencia, "55.50")], Ct);

        Assert.Equal((true, 0), (result.Succeeded, result.ChangedCells));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_EmptyingACellWithoutValue_RecordsNothing()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service(Editor()).SaveAsync([new PeerCellChange(_transparencia, Vigencia, string.Empty)], Ct);

        Assert.Equal((true, 0), (result.Succeeded, result.ChangedCells));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task GetGridAsync_AfterSaving_ShowsTheValue()
    {
        var service = Service(Editor());
        await service.SaveAsync([new PeerCellChange(_transparencia, Vigencia, "55,5")], Ct);

        var grid = await service.GetGridAsync(Ct);

        var row = grid.Components.SelectMany(c => c.Rows).Single(r => r.CategoryId == _transparencia);
        Assert.Equal(55.5m, Assert.Single(row.Cells).Value);
    }

    private static FakeCurrentUser Editor() => FakeCurrentUser.InRole(Roles.Editor, "editora", "Editora");

    private PeerAverageService Service(FakeCurrentUser user) =>
        new(Database, TestAuthorization.Guard(user), Clock);

    private async Task<List<(int CategoryId, decimal Value)>> PeerAveragesAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return (await db.PeerAverages.AsNoTracking().ToListAsync(Ct)).Select(p => (p.CategoryId, p.Value)).ToList();
    }
}
