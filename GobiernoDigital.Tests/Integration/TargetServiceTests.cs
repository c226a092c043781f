using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test edits a seeded SQLite file of its own: one measurement (2023), 17 categories that always apply, no metas.
public sealed class TargetServiceTests : SeededDatabaseTestBase
{
    private int _transparencia;
    private int _colaboracion;

    private TargetService Service => new(Database, Guard, Clock);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _transparencia = await CategoryIdAsync("Transparencia");
        _colaboracion = await CategoryIdAsync("Colaboración");
    }

    [Fact]
    public async Task GetGridAsync_Seed_ColumnsFrom2023ToThePlanHorizonAndDefaultMetas()
    {
        var grid = await Service.GetGridAsync(Ct);

        Assert.Equal([2023, 2024, 2025, 2026, 2027], grid.Vigencias);
        Assert.Equal(4, grid.Components.Count);
        Assert.Equal(17, grid.Components.Sum(c => c.Categories.Count));
        var transparencia = grid.Components[0].Categories[0];
        Assert.Equal("Transparencia", transparencia.Name);
        Assert.All(transparencia.Cells, cell => Assert.Equal((true, 100m, true), (cell.Applies, cell.Value, cell.IsDefault)));
    }

    [Fact]
    public async Task GetGridAsync_LatestMeasured2027_ReachesOneVigenciaFurther()
    {
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Measurements.Add(new Measurement(2027, null, MeasurementSource.Autodiagnostico, null));
            await db.SaveChangesAsync(Ct);
        }

        var grid = await Service.GetGridAsync(Ct);

        Assert.Equal([2023, 2024, 2025, 2026, 2027, 2028], grid.Vigencias);
    }

    [Fact]
    public async Task GetGridAsync_SetMetaAndRetiredCategory_ShowsTheMetaAndNoAplica()
    {
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Targets.Add(new Target(_transparencia, 2025, 80m));
            (await db.Categories.SingleAsync(c => c.Id == _colaboracion, Ct)).Retire(2026);
            await db.SaveChangesAsync(Ct);
        }

        var grid = await Service.GetGridAsync(Ct);

        var rows = grid.Components[0].Categories;
        Assert.Equal((80m, false), (rows[0].Cells[2].Value, rows[0].Cells[2].IsDefault));
        Assert.Equal([true, true, true, false, false], rows[1].Cells.Select(c => c.Applies));
    }

    [Fact]
    public async Task SaveAsync_ValidCells_SavesEveryOneWithCommaOrPointAndAuditsEach()
    {
        var result = await Service.SaveAsync(
            [new(_transparencia, 2024, 100m, "85,5"), new(_transparencia, 2025, 100m, "90.5"), new(_colaboracion, 2024, 100m, "60")], Ct);

        Assert.Equal((true, 3), (result.Succeeded, result.Saved));
        Assert.Equal(
            new[] { (_colaboracion, 2024, 60m), (_transparencia, 2024, 85.5m), (_transparencia, 2025, 90.5m) }.Order(),
            await TargetsAsync());
        Assert.Equal(3, (await AuditEntriesAsync()).Count(a => a.EntityType == "Meta" && a.Action == AuditAction.Creado && a.UserName == "Martha Saldaña"));
    }

    [Fact]
    public async Task SaveAsync_OneBadCell_NothingSavedAndTheErrorIsOnThatCell()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.SaveAsync(
            [new(_transparencia, 2024, 100m, "85,5"), new(_transparencia, 2025, 100m, "45,55"), new(_colaboracion, 2024, 100m, "60")], Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Saved);
        var error = Assert.Single(result.CellErrors);
        Assert.Equal((_transparencia, 2025), error.Key);
        Assert.Equal(ValidationRules.TargetTooManyDecimals, error.Value);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData("-1", ValidationRules.TargetOutOfRange)]
    [InlineData("100.1", ValidationRules.TargetOutOfRange)]
    [InlineData("abc", ValidationRules.TargetNotANumber)]
    [InlineData("", ValidationRules.TargetRequired)]
    [InlineData("1e9", ValidationRules.TargetNotANumber)]
    public async Task SaveAsync_InvalidText_TheSharedMessageAndNothingWritten(string text, string message)
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.SaveAsync([new(_transparencia, 2024, 100m, text)], Ct);

        Assert.Equal(message, result.CellErrors[(_transparencia, 2024)]);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_VigenciaTheCategoryDoesNotApplyTo_RefusedAndNothingWritten()
    {
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            (await db.Categories.SingleAsync(c => c.Id == _colaboracion, Ct)).Retire(2026);
            await db.SaveChangesAsync(Ct);
        }

        var before = await Database.ContentHashAsync();

        var result = await Service.SaveAsync([new(_transparencia, 2026, 100m, "80"), new(_colaboracion, 2026, 100m, "80")], Ct);

        Assert.Equal("La categoría «Colaboración» no aplica a la vigencia 2026.", Assert.Single(result.CellErrors).Value);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_MetaChangedByAnotherEditorSinceRead_RefusedAndTheirValueKept()
    {
        await Service.SaveAsync([new(_transparencia, 2024, 100m, "70")], Ct);
        var before = await Database.ContentHashAsync();

        // This editor read the grid before the other saved: the meta was 100 then.
        var result = await Service.SaveAsync([new(_transparencia, 2024, 100m, "90")], Ct);

        Assert.Equal(
            "Otra persona cambió esta meta a 70,0 mientras usted editaba. Recargue la página para ver el valor actual.",
            result.CellErrors[(_transparencia, 2024)]);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task SaveAsync_BackToHundred_KeepsTheRowWithHundredAndAuditsTheChange()
    {
        await Service.SaveAsync([new(_transparencia, 2024, 100m, "70")], Ct);

        var result = await Service.SaveAsync([new(_transparencia, 2024, 70m, "100")], Ct);

        Assert.Equal(1, result.Saved);
        Assert.Equal([(_transparencia, 2024, 100m)], await TargetsAsync());
        Assert.Single(await AuditEntriesAsync(), a => a.EntityType == "Meta" && a.Action == AuditAction.Modificado);
    }

    [Fact]
    public async Task SaveAsync_HundredWhereThereWasNoMeta_WritesNothing()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.SaveAsync([new(_transparencia, 2024, 100m, "100,0")], Ct);

        Assert.Equal((true, 0), (result.Succeeded, result.Saved));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task SaveAsync_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        User = UserIn(role);
        var before = await Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.SaveAsync([new(_transparencia, 2024, 100m, "80")], Ct));

        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private async Task<IReadOnlyList<(int, int, decimal)>> TargetsAsync()
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var targets = await db.Targets.ToListAsync(Ct);
        return targets.Select(t => (t.CategoryId, t.Vigencia, t.Value)).Order().ToList();
    }
}
