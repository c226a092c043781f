using System.Text.Json;
using System.Text.Json.Nodes;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// Each test gets its own SQLite file under the temp folder (xunit makes a new instance per test), deleted afterwards.
public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_AppliesEveryMigrationAndSeeds()
    {
        var outcome = await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        Assert.Equal(SeedOutcome.Seeded, outcome);
        await using var db = await _database.CreateDbContextAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        // The last migration's snapshot matches the model: no change is waiting for a migration.
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(new RowCounts(Entities: 1, Components: 4, Categories: 17, Measurements: 1, Scores: 17, Targets: 0, Plans: 1, Findings: 22), await CountAsync(db));
    }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_StoresTheCatalogAndScoresOfTheDocument()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var db = await _database.CreateDbContextAsync(Ct);
        var entity = await db.Entities.SingleAsync(Ct);
        Assert.Equal(("Concejo Municipal de Cartago", "900.215.967-5"), (entity.Name, entity.Nit));

        var categories = await db.Categories.Include(c => c.Component).OrderBy(c => c.DisplayOrder).ToListAsync(Ct);
        Assert.Equal(
            TiPl03Source.Categories.Select(c => (c.Name, c.NameInPlan, c.Component, c.Kind)),
            categories.Select(c => (c.Name, c.NameInPlan!, c.Component.Name, c.Kind)));

        var measurement = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category).SingleAsync(Ct);
        Assert.Equal(2023, measurement.Vigencia);
        Assert.Equal(MeasurementSource.ResultadoOficialFurag, measurement.Source);
        Assert.Null(measurement.Date);
        Assert.Null(measurement.OfficialIndex);
        // Gobierno de TI comes back as «sin medición», not as 0; the others with their values.
        Assert.Equal(
            TiPl03Source.Categories.Select(c => (c.Name, c.Score)),
            measurement.Scores.OrderBy(s => s.Category.DisplayOrder).Select(s => (s.Category.Name, s.Score)));

        var components = await db.Components.Include(c => c.Categories).OrderBy(c => c.DisplayOrder).ToListAsync(Ct);
        Assert.Equal(TiPl03Source.Components, components.Select(c => c.Name));
        Assert.Equal([3, 3, 8, 3], components.Select(c => c.Categories.Count));
    }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_PlanAndParagraphsSurviveTheRoundTrip()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        var loaded = SeedLoader.Load(SeedFiles.Real).Plan!;

        await using var db = await _database.CreateDbContextAsync(Ct);
        var plan = await db.Plans.Include(p => p.Findings).ThenInclude(f => f.Category).SingleAsync(Ct);
        Assert.Equal(
            ("TI.PL03", 1, new DateOnly(2024, 5, 21), "Martha Cecilia Saldaña S", new DateOnly(2024, 10, 30), "Acta No. 05 de 2024"),
            (plan.Code, plan.Version, plan.ApprovedOn, plan.PreparedBy, plan.PreparedOn, plan.ApprovalAct));

        var findings = plan.Findings.OrderBy(f => f.DisplayOrder).ToList();
        Assert.Equal(TiPl03Source.Findings.Select(f => (f.Category, f.RowScore)), findings.Select(f => (f.Category.Name, f.RowScore)));
        for (var i = 0; i < findings.Count; i++)
        {
            Assert.Equal(loaded.Findings[i].Alternatives, findings[i].Alternatives);
            Assert.Equal(loaded.Findings[i].Improvements, findings[i].Improvements);
            Assert.Equal(TiPl03Source.Findings[i].Alternatives, findings[i].Alternatives.Count);
            Assert.Equal(TiPl03Source.Findings[i].Improvements, findings[i].Improvements.Count);
            Assert.Equal(TiPl03Source.Findings[i].NotApplicable, findings[i].ImprovementsNotApplicable);
            Assert.Equal(TiPl03Source.Findings[i].EffectivenessNote, findings[i].EffectivenessNote);
            Assert.Equal(
                TiPl03Source.Findings[i].HasDeadline ? new DateRange(TiPl03Source.DeadlineStart, TiPl03Source.DeadlineEnd) : null,
                findings[i].Deadline);
        }

        // A paragraph with accents and a numbered list, from the document (second <p> of Transparencia's alternatives).
        Assert.StartsWith("1. Fortalecimiento de la Transparencia Activa Descripción:", findings[0].Alternatives[1]);
        Assert.Equal(
            "Desarrollar un protocolo de actualización regular de la información, con responsables claros y plazos definidos para mantener los datos al día.",
            findings.Single(f => f.Category.Name == "Información").Improvements[1]);
    }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_ParagraphsAreStoredAsJsonArrays()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Alternatives, Improvements FROM Hallazgos ORDER BY DisplayOrder";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(List<string> Alternatives, List<string> Improvements)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((JsonSerializer.Deserialize<List<string>>(reader.GetString(0))!, JsonSerializer.Deserialize<List<string>>(reader.GetString(1))!));
        }

        Assert.Equal(TiPl03Source.Findings.Select(f => (f.Alternatives, f.Improvements)), rows.Select(r => (r.Alternatives.Count, r.Improvements.Count)));
        // The second row of «Componente TIC para Gobierno abierto» has empty cells: "[]", not NULL.
        Assert.Empty(rows[3].Alternatives);
        Assert.Empty(rows[3].Improvements);
    }

    [Fact]
    public async Task InitializeAsync_SecondCall_ReportsAlreadyHadDataAndChangesNothing()
    {
        Assert.Equal(SeedOutcome.Seeded, await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct));
        var before = await _database.ContentHashAsync();
        RowCounts countsBefore;
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            countsBefore = await CountAsync(db);
        }

        var outcome = await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        Assert.Equal(SeedOutcome.AlreadyHadData, outcome);
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            Assert.Equal(countsBefore, await CountAsync(db));
        }

        Assert.Equal(before, await _database.ContentHashAsync());
    }

    [Fact]
    public async Task ContentHash_AfterAnEdit_Differs()
    {
        // Guards the test above: the dump does see a changed score.
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        var before = await _database.ContentHashAsync();

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            var measurement = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category).SingleAsync(Ct);
            measurement.SetScore(measurement.Scores.Single(s => s.Category.Name == "Transparencia").Category, Score.Measured(41m));
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotEqual(before, await _database.ContentHashAsync());
    }

    [Fact]
    public async Task InitializeAsync_MissingSeedFile_ReportsNoSeedFileAndLeavesAnEmptyMigratedDatabase()
    {
        var outcome = await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Missing(), Ct);

        Assert.Equal(SeedOutcome.NoSeedFile, outcome);
        await using var db = await _database.CreateDbContextAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(RowCounts.Empty, await CountAsync(db));
    }

    [Fact]
    public async Task InitializeAsync_NoSeedFileGiven_ReportsNoSeedFile()
    {
        var outcome = await DatabaseInitializer.InitializeAsync(_database, seedFile: null, Ct);

        Assert.Equal(SeedOutcome.NoSeedFile, outcome);
        await using var db = await _database.CreateDbContextAsync(Ct);
        Assert.Equal(RowCounts.Empty, await CountAsync(db));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)] // an entity alone is data
    [InlineData(false, true)] // a catalog alone is data
    public async Task InitializeAsync_DatabaseWithOtherData_IsNotOverwritten(bool withEntity, bool withCatalog)
    {
        await DatabaseInitializer.InitializeAsync(_database, seedFile: null, Ct);
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            if (withEntity)
            {
                db.Entities.Add(new PublicEntity("Alcaldía de Prueba", "800.000.000-1"));
            }

            if (withCatalog)
            {
                var component = new Component("Gobernanza", 1);
                db.Components.Add(component);
                db.Categories.Add(new Category("Arquitectura", "Arquitectura", CategoryKind.Proceso, component, 1, weight: 3m));
            }

            await db.SaveChangesAsync(Ct);
        }

        var before = await _database.ContentHashAsync();

        var outcome = await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        Assert.Equal(SeedOutcome.AlreadyHadData, outcome);
        Assert.Equal(before, await _database.ContentHashAsync());
        await using var check = await _database.CreateDbContextAsync(Ct);
        Assert.Equal(
            new RowCounts(withEntity ? 1 : 0, withCatalog ? 1 : 0, withCatalog ? 1 : 0, 0, 0, 0, 0, 0),
            await CountAsync(check));
        Assert.False(await check.Entities.AnyAsync(e => e.Nit == "900.215.967-5", Ct));
    }

    [Fact]
    public async Task InitializeAsync_SeedWithUnknownCategory_ThrowsAndLeavesTheDatabaseEmpty()
    {
        using var bad = SeedFiles.Variant(SeedFiles.UnknownCategoryInScores);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => DatabaseInitializer.InitializeAsync(_database, bad.Path, Ct));

        Assert.Contains("«Categoría inventada»", exception.Message);
        await using var db = await _database.CreateDbContextAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(RowCounts.Empty, await CountAsync(db));
    }

    [Fact]
    public async Task InitializeAsync_SeedRejectedByTheDatabase_RollsBackEverything()
    {
        // Valid for the loader, but two measurements of vigencia 2023 break the unique index on insert,
        // after the entity and the catalog rows have been written: the transaction must take them back.
        using var bad = SeedFiles.Variant(root =>
        {
            var measurements = root["mediciones"]!.AsArray();
            measurements.Add(JsonNode.Parse(measurements[0]!.ToJsonString()));
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => DatabaseInitializer.InitializeAsync(_database, bad.Path, Ct));

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            Assert.Equal(RowCounts.Empty, await CountAsync(db));
        }

        // Nothing half-written blocks the next start: a good seed still goes in.
        Assert.Equal(SeedOutcome.Seeded, await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct));
    }

    private static async Task<RowCounts> CountAsync(GobiernoDigitalDbContext db) => new(
        await db.Entities.CountAsync(Ct),
        await db.Components.CountAsync(Ct),
        await db.Categories.CountAsync(Ct),
        await db.Measurements.CountAsync(Ct),
        await db.Scores.CountAsync(Ct),
        await db.Targets.CountAsync(Ct),
        await db.Plans.CountAsync(Ct),
        await db.Findings.CountAsync(Ct));

    private sealed record RowCounts(int Entities, int Components, int Categories, int Measurements, int Scores, int Targets, int Plans, int Findings)
    {
        public static RowCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
