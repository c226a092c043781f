using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test edits a seeded SQLite file of its own: 4 components, 17 categories (weights 1), one score row each in
// vigencia 2023 (Gobierno de TI is Sin medición), one finding or more each, no metas.
public sealed class CatalogServiceTests : SeededDatabaseTestBase
{
    private const string Gestion = "TIC para la Gestión";
    private const string GobiernoAbierto = "TIC para Gobierno Abierto";
    private const string Servicios = "TIC para Servicios";

    private CatalogService Service => new(Database, Guard, Clock);

    [Fact]
    public async Task GetAsync_Seed_ListsComponentsAndCategoriesInOrderWithWhatEachHas()
    {
        var catalog = await Service.GetAsync(Ct);

        Assert.Equal([GobiernoAbierto, Servicios, Gestion, "Seguridad y Privacidad de la Información"], catalog.Components.Select(c => c.Name));
        Assert.Equal(["Transparencia", "Colaboración", "Componente TIC para Gobierno abierto"], catalog.Components[0].Categories.Select(c => c.Name));
        var resultado = catalog.Components[0].Categories[2];
        Assert.Equal(("Res. Gobierno abierto", "Resultado", "1,0", "Siempre", "1 puntaje"),
            (resultado.ShortLabel, resultado.KindText, resultado.WeightText, resultado.ApplicabilityText, resultado.ScoreCountText));
        // Two rows of the plan point to it.
        Assert.Equal(2, resultado.FindingCount);
    }

    [Fact]
    public async Task AddComponentAsync_NewName_GoesLastAndIsAudited()
    {
        var result = await Service.AddComponentAsync(new ComponentFormModel { Name = "  Gobernanza " }, Ct);

        Assert.Equal(EditResult.Ok, result);
        var catalog = await Service.GetAsync(Ct);
        Assert.Equal("Gobernanza", catalog.Components[^1].Name);
        Assert.Empty(catalog.Components[^1].Categories);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.Creado, "Componente", "Martha Saldaña", Now.UtcDateTime), (entry.Action, entry.EntityType, entry.UserName, entry.OccurredAtUtc));
    }

    [Theory]
    [InlineData("tic para la gestion")]
    [InlineData("  TIC   PARA LA GESTIÓN ")]
    [InlineData("Tíc para la Gestión")]
    public async Task AddComponentAsync_SameNameIgnoringAccentsCaseAndSpaces_RefusedAndNothingWritten(string name)
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.AddComponentAsync(new ComponentFormModel { Name = name }, Ct);

        Assert.Equal(
            EditResult.Fail($"Ya existe el componente «{Gestion}»: los nombres se comparan sin tildes, mayúsculas ni espacios de más."),
            result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task AddComponentAsync_EmptyName_SpanishMessageAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.AddComponentAsync(new ComponentFormModel { Name = "   " }, Ct);

        Assert.Equal(EditResult.Fail("Escriba el nombre del componente."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task RenameComponentAsync_NewName_RenamedAndAuditedWithOldAndNewName()
    {
        var id = await ComponentIdAsync(Servicios);

        var result = await Service.RenameComponentAsync(id, new ComponentFormModel { Name = "Servicios Ciudadanos Digitales" }, Ct);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal("Servicios Ciudadanos Digitales", (await Service.GetAsync(Ct)).Components[1].Name);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal(AuditAction.Modificado, entry.Action);
        Assert.Contains(Servicios, entry.OldValues, StringComparison.Ordinal);
        Assert.Contains("Servicios Ciudadanos Digitales", entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameComponentAsync_OnlyTheCaseOfItsOwnName_IsAllowed()
    {
        var result = await Service.RenameComponentAsync(await ComponentIdAsync(Servicios), new ComponentFormModel { Name = "TIC PARA SERVICIOS" }, Ct);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal("TIC PARA SERVICIOS", (await Service.GetAsync(Ct)).Components[1].Name);
    }

    [Fact]
    public async Task RenameComponentAsync_ToAnotherComponentsName_RefusedAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.RenameComponentAsync(await ComponentIdAsync(Servicios), new ComponentFormModel { Name = "tic para gobierno abierto" }, Ct);

        Assert.False(result.Succeeded);
        Assert.Contains($"Ya existe el componente «{GobiernoAbierto}»", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task MoveComponentAsync_UpAndDown_ChangesTheOrderEverywhere()
    {
        var gestion = await ComponentIdAsync(Gestion);

        Assert.Equal(EditResult.Ok, await Service.MoveComponentAsync(gestion, MoveDirection.Up, Ct));
        Assert.Equal([GobiernoAbierto, Gestion, Servicios], (await Service.GetAsync(Ct)).Components.Take(3).Select(c => c.Name));

        Assert.Equal(EditResult.Ok, await Service.MoveComponentAsync(gestion, MoveDirection.Up, Ct));
        Assert.Equal([Gestion, GobiernoAbierto, Servicios], (await Service.GetAsync(Ct)).Components.Take(3).Select(c => c.Name));

        // The overview lists the categories in the same order.
        var report = await OverviewReportAsync();
        Assert.Equal(Gestion, report.Components[0].Name);
        Assert.Equal("Estrategia de TI", report.Categories[0].Category.Name);
    }

    [Fact]
    public async Task MoveComponentAsync_FirstUp_RefusedAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.MoveComponentAsync(await ComponentIdAsync(GobiernoAbierto), MoveDirection.Up, Ct);

        Assert.Equal(EditResult.Fail($"El componente «{GobiernoAbierto}» ya es el primero."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteComponentAsync_WithCategories_RefusedWithTheReasonAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.DeleteComponentAsync(await ComponentIdAsync(Servicios), Ct);

        Assert.Equal(
            EditResult.Fail($"El componente «{Servicios}» tiene 3 categorías: muévalas a otro componente o elimínelas antes de eliminarlo."),
            result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteComponentAsync_Empty_Deleted()
    {
        await Service.AddComponentAsync(new ComponentFormModel { Name = "Gobernanza" }, Ct);

        var result = await Service.DeleteComponentAsync(await ComponentIdAsync("Gobernanza"), Ct);

        Assert.Equal(EditResult.Ok, result);
        Assert.DoesNotContain("Gobernanza", (await Service.GetAsync(Ct)).Components.Select(c => c.Name));
    }

    [Fact]
    public async Task AddCategoryAsync_ValidForm_GoesLastInItsComponentWithEveryField()
    {
        var form = NewCategory("Gobernanza digital", await ComponentIdAsync(Gestion), weight: "2.5", firstVigencia: "2024");
        form.Kind = CategoryKind.Resultado;
        form.ShortLabel = "Gobernanza";

        var result = await Service.AddCategoryAsync(form, Ct);

        Assert.Equal(EditResult.Ok, result);
        var added = (await Service.GetAsync(Ct)).Components[2].Categories[^1];
        Assert.Equal(
            ("Gobernanza digital", "Gobernanza", "Resultado", 2.5m, "Desde 2024", 0),
            (added.Name, added.ShortLabel, added.KindText, added.Weight, added.ApplicabilityText, added.ScoreCount));
        // Not measured in 2023, the year before it applies: the 2023 figure stays 640 / 16.
        Assert.Equal(40m, (await OverviewReportAsync()).Percentage);
    }

    [Theory]
    [InlineData("transparencia")]
    [InlineData("TRANSPARÉNCIA")]
    [InlineData("  Transparencia  ")]
    [InlineData("Informacion")]
    public async Task AddCategoryAsync_SameNameIgnoringAccentsCaseAndSpaces_RefusedAndNothingWritten(string name)
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.AddCategoryAsync(NewCategory(name, await ComponentIdAsync(Servicios)), Ct);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Ya existe la categoría «", result.Error, StringComparison.Ordinal);
        Assert.Contains("sin tildes, mayúsculas ni espacios de más", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Theory]
    [InlineData("Etiqueta de veinticinco c", "1", "La etiqueta corta admite como máximo 24 caracteres.")]
    [InlineData("Nueva", "0", CategoryFormValidator.WeightOutOfRange)]
    [InlineData("Nueva", "100,5", CategoryFormValidator.WeightOutOfRange)]
    [InlineData("Nueva", "abc", CategoryFormValidator.WeightNotANumber)]
    [InlineData("Nueva", "1,25", CategoryFormValidator.WeightTooManyDecimals)]
    public async Task AddCategoryAsync_InvalidForm_SpanishMessageAndNothingWritten(string shortLabel, string weight, string message)
    {
        var before = await Database.ContentHashAsync();
        var form = NewCategory("Nueva categoría", await ComponentIdAsync(Gestion), weight);
        form.ShortLabel = shortLabel;

        var result = await Service.AddCategoryAsync(form, Ct);

        Assert.Equal(EditResult.Fail(message), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateCategoryAsync_AnotherComponent_MovesItLastThereWithItsHistory()
    {
        var transparencia = await CategoryAsync("Transparencia");
        var form = CategoryFormModel.From(transparencia);
        form.ComponentId = await ComponentIdAsync(Servicios);

        var result = await Service.UpdateCategoryAsync(transparencia.Id, form, Ct);

        Assert.Equal(EditResult.Ok, result);
        var catalog = await Service.GetAsync(Ct);
        Assert.Equal(["Colaboración", "Componente TIC para Gobierno abierto"], catalog.Components[0].Categories.Select(c => c.Name));
        Assert.Equal("Transparencia", catalog.Components[1].Categories[^1].Name);
        Assert.Equal(1, catalog.Components[1].Categories[^1].ScoreCount);

        // The overview groups it under its new component: Gobierno Abierto (0 + 20) / 2 = 10; Servicios (0 + 0 + 0 + 40) / 4 = 10.
        var report = await OverviewReportAsync();
        Assert.Equal(10m, report.Components.Single(c => c.Name == GobiernoAbierto).Mean);
        Assert.Equal(10m, report.Components.Single(c => c.Name == Servicios).Mean);
        Assert.Equal(40m, report.Percentage);
    }

    [Fact]
    public async Task UpdateCategoryAsync_RenameLabelAndWeight_OverviewUsesTheNewNameLabelAndFigure()
    {
        var capacidades = await CategoryAsync("Capacidades Institucionales");
        var form = CategoryFormModel.From(capacidades);
        form.Name = "Capacidades institucionales de TI";
        form.ShortLabel = "Capacidades TI";
        form.WeightText = "2";

        var result = await Service.UpdateCategoryAsync(capacidades.Id, form, Ct);

        Assert.Equal(EditResult.Ok, result);
        var report = await OverviewReportAsync();
        var row = report.Categories.Single(c => c.Category.CategoryId == capacidades.Id);
        Assert.Equal(("Capacidades institucionales de TI", "Capacidades TI", 2m), (row.Category.Name, row.Category.ShortLabel, row.Category.Weight));
        // Capacidades scores 100: Σ w·s = 640 + 100 = 740 and Σ w = 16 + 1 = 17, so 740 / 17 = 43,529… → "43,5 %".
        Assert.Equal(740m / 17m, report.Percentage);
        Assert.Equal("43,5 %", EsCo.Percent(report.Percentage!.Value));
        // Gestión: (0 + 70 + 0 + 60 + 90 + 2·100 + 60) / (7 + 1) = 480 / 8 = 60.
        Assert.Equal(60m, report.Components.Single(c => c.Name == Gestion).Mean);
    }

    [Fact]
    public async Task UpdateCategoryAsync_FirstVigenciaAfterAScore_RefusedNamingTheVigenciaAndNothingWritten()
    {
        var transparencia = await CategoryAsync("Transparencia");
        var form = CategoryFormModel.From(transparencia);
        form.FirstVigenciaText = "2024";
        var before = await Database.ContentHashAsync();

        var result = await Service.UpdateCategoryAsync(transparencia.Id, form, Ct);

        Assert.Equal(EditResult.Fail("«Transparencia» tiene puntajes en 2023: su primera vigencia no puede ser posterior a 2023."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task UpdateCategoryAsync_NameOfAnotherCategoryWithoutAccents_RefusedAndNothingWritten()
    {
        var transparencia = await CategoryAsync("Transparencia");
        var form = CategoryFormModel.From(transparencia);
        form.Name = "colaboracion";
        var before = await Database.ContentHashAsync();

        var result = await Service.UpdateCategoryAsync(transparencia.Id, form, Ct);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Ya existe la categoría «Colaboración» (en «TIC para Gobierno Abierto»)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task MoveCategoryAsync_DownThenUp_SwapsWithItsNeighbourOnly()
    {
        var transparencia = await CategoryAsync("Transparencia");

        Assert.Equal(EditResult.Ok, await Service.MoveCategoryAsync(transparencia.Id, MoveDirection.Down, Ct));
        Assert.Equal(["Colaboración", "Transparencia", "Componente TIC para Gobierno abierto"], await CategoryNamesAsync(0));
        Assert.Equal(2, (await AuditEntriesAsync()).Count);
        Assert.Equal("Colaboración", (await OverviewReportAsync()).Categories[0].Category.Name);

        Assert.Equal(EditResult.Ok, await Service.MoveCategoryAsync(transparencia.Id, MoveDirection.Up, Ct));
        Assert.Equal(["Transparencia", "Colaboración", "Componente TIC para Gobierno abierto"], await CategoryNamesAsync(0));
    }

    [Fact]
    public async Task MoveCategoryAsync_LastDown_RefusedAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.MoveCategoryAsync((await CategoryAsync("Componente TIC para Gobierno abierto")).Id, MoveDirection.Down, Ct);

        Assert.Equal(EditResult.Fail("«Componente TIC para Gobierno abierto» ya es la última de su componente."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task RetireCategoryAsync_FromTheVigenciaOfItsScore_RefusedNamingItAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.RetireCategoryAsync((await CategoryAsync("Transparencia")).Id, 2023, Ct);

        Assert.Equal(
            EditResult.Fail("No se puede retirar «Transparencia» desde 2023: tiene puntajes en 2023. Elija una vigencia posterior a 2023."),
            result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task RetireCategoryAsync_ScoresInTwoLaterVigencias_MessageNamesBoth()
    {
        await AddMeasurementAsync(2024, "Transparencia", 55m);

        var result = await Service.RetireCategoryAsync((await CategoryAsync("Transparencia")).Id, 2020, Ct);

        Assert.Equal(
            EditResult.Fail("No se puede retirar «Transparencia» desde 2020: tiene puntajes en 2023 y 2024. Elija una vigencia posterior a 2024."),
            result);
    }

    [Fact]
    public async Task RetireCategoryAsync_AfterItsScores_RetiredAndHistoryKeptThenReinstated()
    {
        var transparencia = await CategoryAsync("Transparencia");

        Assert.Equal(EditResult.Ok, await Service.RetireCategoryAsync(transparencia.Id, 2024, Ct));

        var retired = await CategoryAsync("Transparencia");
        Assert.Equal("Hasta 2023 (retirada desde 2024)", retired.ApplicabilityText);
        Assert.Equal(1, retired.ScoreCount);
        // 2023 still counts it: 640 / 16.
        Assert.Equal(40m, (await OverviewReportAsync()).Percentage);

        Assert.Equal(EditResult.Ok, await Service.ReinstateCategoryAsync(transparencia.Id, Ct));
        Assert.Equal("Siempre", (await CategoryAsync("Transparencia")).ApplicabilityText);
    }

    [Fact]
    public async Task ReinstateCategoryAsync_NotRetired_SaysSoAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.ReinstateCategoryAsync((await CategoryAsync("Transparencia")).Id, Ct);

        Assert.Equal(EditResult.Fail("«Transparencia» no está retirada."), result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteCategoryAsync_WithScores_RefusedSayingItCanOnlyBeRetiredAndNothingWritten()
    {
        var before = await Database.ContentHashAsync();

        var result = await Service.DeleteCategoryAsync((await CategoryAsync("Transparencia")).Id, Ct);

        Assert.Equal(
            EditResult.Fail(
                "«Transparencia» tiene puntajes en 2023 y 1 hallazgo del plan de mejoramiento: no se puede eliminar, " +
                "solo retirar desde una vigencia; su historial se conserva."),
            result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteCategoryAsync_OnlyAFinding_RefusedAndNothingWritten()
    {
        await Service.AddCategoryAsync(NewCategory("Gobernanza digital", await ComponentIdAsync(Gestion)), Ct);
        var id = (await CategoryAsync("Gobernanza digital")).Id;
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            var plan = await db.Plans.Include(p => p.Findings).SingleAsync(Ct);
            plan.AddFinding(await db.Categories.SingleAsync(c => c.Id == id, Ct), null, ["Alternativa"], [], false, null, null);
            await db.SaveChangesAsync(Ct);
        }

        var before = await Database.ContentHashAsync();

        var result = await Service.DeleteCategoryAsync(id, Ct);

        Assert.Equal(
            EditResult.Fail("«Gobernanza digital» tiene 1 hallazgo del plan de mejoramiento: no se puede eliminar, solo retirar desde una vigencia; su historial se conserva."),
            result);
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task DeleteCategoryAsync_WithoutScoresOrFindings_DeletedWithItsMetasAndAudited()
    {
        await Service.AddCategoryAsync(NewCategory("Gobernanza digital", await ComponentIdAsync(Gestion)), Ct);
        var id = (await CategoryAsync("Gobernanza digital")).Id;
        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Targets.Add(new Target(id, 2025, 80m));
            await db.SaveChangesAsync(Ct);
        }

        var result = await Service.DeleteCategoryAsync(id, Ct);

        Assert.Equal(EditResult.Ok, result);
        await using var check = await Database.CreateDbContextAsync(Ct);
        Assert.False(await check.Categories.AnyAsync(c => c.Id == id, Ct));
        Assert.False(await check.Targets.AnyAsync(t => t.CategoryId == id, Ct));
        var deletions = await check.AuditEntries.Where(a => a.Action == AuditAction.Eliminado).Select(a => a.EntityType).ToListAsync(Ct);
        Assert.Equal(["Categoría", "Meta"], deletions.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Lector)]
    public async Task EveryChange_AnonymousOrLector_RefusedAndNothingWritten(string? role)
    {
        var transparencia = await CategoryAsync("Transparencia");
        var servicios = await ComponentIdAsync(Servicios);
        User = UserIn(role);
        var service = Service;
        var before = await Database.ContentHashAsync();
        var changes = new Func<Task<EditResult>>[]
        {
            () => service.AddComponentAsync(new ComponentFormModel { Name = "Gobernanza" }, Ct),
            () => service.RenameComponentAsync(servicios, new ComponentFormModel { Name = "Otro" }, Ct),
            () => service.MoveComponentAsync(servicios, MoveDirection.Up, Ct),
            () => service.DeleteComponentAsync(servicios, Ct),
            () => service.AddCategoryAsync(NewCategory("Nueva", servicios), Ct),
            () => service.UpdateCategoryAsync(transparencia.Id, CategoryFormModel.From(transparencia), Ct),
            () => service.MoveCategoryAsync(transparencia.Id, MoveDirection.Down, Ct),
            () => service.RetireCategoryAsync(transparencia.Id, 2024, Ct),
            () => service.ReinstateCategoryAsync(transparencia.Id, Ct),
            () => service.DeleteCategoryAsync(transparencia.Id, Ct),
        };

        foreach (var change in changes)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(change);
        }

        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private static CategoryFormModel NewCategory(string name, int componentId, string weight = "1", string? firstVigencia = null) => new()
    {
        Name = name,
        ShortLabel = "Etiqueta nueva",
        ComponentId = componentId,
        WeightText = weight,
        FirstVigenciaText = firstVigencia,
    };

    private async Task<int> ComponentIdAsync(string name)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        return await db.Components.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<CatalogCategory> CategoryAsync(string name) =>
        (await Service.GetAsync(Ct)).Components.SelectMany(c => c.Categories).Single(c => c.Name == name);

    private async Task<IReadOnlyList<string>> CategoryNamesAsync(int componentIndex) =>
        (await Service.GetAsync(Ct)).Components[componentIndex].Categories.Select(c => c.Name).ToList();

    private async Task<VigenciaReport> OverviewReportAsync()
    {
        var overview = await new ComplianceService(Database).GetOverviewAsync(2023, Ct);
        return Assert.IsType<OverviewModel>(overview).Report;
    }

    private async Task AddMeasurementAsync(int vigencia, string categoryName, decimal score)
    {
        await using var db = await Database.CreateDbContextAsync(Ct);
        var measurement = new Measurement(vigencia, null, MeasurementSource.Autodiagnostico, null);
        measurement.SetScore(await db.Categories.SingleAsync(c => c.Name == categoryName, Ct), Score.Measured(score));
        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(Ct);
    }
}
