using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using System.Text.RegularExpressions;
using Xunit;

namespace GobiernoDigital.Tests.Core;

/// <summary>The seed's «mejoras para implementar» become actions, on a first start and on a database seeded before actions existed.</summary>
public sealed class ImprovementActionSeedingTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// What the seed document says, read independently of the loader: in the dated findings not marked NO APLICA, each
    /// «mejoras para implementar» paragraph is an action, unless it continues the one before it (it starts with
    /// «Descripción:» or «Acciones:», or follows an «Acciones:» label without opening a new numbered item «2)»); a
    /// continuation goes into the description of its action, on a new line.
    /// </summary>
    private static List<(string Category, string Text, DateOnly Start, DateOnly End)> ExpectedActions() =>
        SeedLoader.ReadDocument(SeedFiles.Real).Plan!.Findings
            .Where(f => f.Deadline is not null && !f.ImprovementsNotApplicable)
            .SelectMany(f => ReadAsActions(f.Improvements).Select(t => (f.Category, t, f.Deadline!.Start, f.Deadline.End)))
            .ToList();

    private static List<string> ReadAsActions(IEnumerable<string> paragraphs)
    {
        var actions = new List<string>();
        var afterActionsLabel = false;
        foreach (var paragraph in paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var labelled = Regex.IsMatch(paragraph, "^(Descripción|Acciones):");
            var numbered = Regex.IsMatch(paragraph, @"^\d+[).]");
            if (actions.Count > 0 && (labelled || (afterActionsLabel && !numbered)))
            {
                actions[^1] += "\n" + paragraph;
            }
            else
            {
                actions.Add(paragraph);
                afterActionsLabel = false;
            }

            afterActionsLabel = afterActionsLabel || paragraph.Contains("Acciones:", StringComparison.Ordinal);
        }

        return actions;
    }

    [Fact]
    public async Task FirstStart_EachImprovementAsRead_IsAnActionNotStartedWithoutOwner()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await AssertActionsAreTheSeedsAsync();
    }

    [Fact]
    public async Task FirstStart_NoActionIsAFragmentOfAnother()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var db = await _database.CreateDbContextAsync(Ct);
        var descriptions = await db.Actions.Select(a => a.Description).ToListAsync(Ct);
        Assert.DoesNotContain(descriptions, d => d.StartsWith("Descripción:", StringComparison.Ordinal) || d.StartsWith("Acciones:", StringComparison.Ordinal));

        // The open-data improvement of «Componente TIC para Gobierno abierto» is one action, its heading first and its steps in it.
        var openData = Assert.Single(descriptions, d => d.Contains("Gestión de Datos Abiertos", StringComparison.Ordinal));
        Assert.StartsWith("Establecimiento de un Plan de Acción para la Gestión de Datos Abiertos\nDescripción: ", openData);
        Assert.Contains("\nAcciones:\nIdentificación de Datos Estratégicos:", openData);
        Assert.Contains("\nAsignación de Responsabilidades:", openData);
    }

    [Fact]
    public async Task FirstStart_FindingsMarkedNoAplica_HaveNoActions()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var db = await _database.CreateDbContextAsync(Ct);
        var notApplicable = await db.Findings.Include(f => f.Actions).Where(f => f.ImprovementsNotApplicable).ToListAsync(Ct);
        Assert.NotEmpty(notApplicable); // the seed has such rows (Servicios centrados en el usuario, Trámites, TIC para Servicios)
        Assert.All(notApplicable, f => Assert.Empty(f.Actions));
    }

    [Fact]
    public async Task Migration_DatabaseSeededBeforeActionsExisted_GetsTheSameActions()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            // Back to the schema before actions (dropping their tables), as a database of the previous release is.
            var migrations = db.Database.GetMigrations().ToList();
            var beforeActions = migrations[migrations.FindIndex(m => m.EndsWith("_ImprovementActions", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeActions, Ct);
        }

        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await AssertActionsAreTheSeedsAsync();
    }

    [Fact]
    public async Task Migration_DatabaseWithOneActionPerParagraph_JoinsOnlyGroupsNobodyEdited()
    {
        int editedId;
        int withEvidenceId;
        await using (var db = await RollBackToOneActionPerParagraphAsync())
        {
            // Someone edited the unnumbered second paragraph of Transparencia (it continues «1) …»), and gave evidence
            // to «Cronograma de Publicación», a step of the open-data improvement: both groups stay as they are.
            editedId = await db.Database.SqlQueryRaw<int>("""SELECT "Id" AS "Value" FROM "Acciones" WHERE "Description" LIKE 'Incluir herramientas interactivas%'""").SingleAsync(Ct);
            withEvidenceId = await db.Database.SqlQueryRaw<int>("""SELECT "Id" AS "Value" FROM "Acciones" WHERE "Description" LIKE 'Cronograma de Publicación:%'""").SingleAsync(Ct);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Auditoria" ("OccurredAtUtc", "UserId", "UserName", "Action", "EntityType", "EntityKey", "CategoryId", "OldValues", "NewValues")
                VALUES ('2025-01-01 00:00:00', 'u', 'Asesora', 'Modificado', 'Acción de mejora', {0}, NULL, '{{"Responsible":null}}', '{{"Responsible":"TI"}}');
                INSERT INTO "Evidencias" ("ActionId", "Date", "Url", "Note", "RecordedBy") VALUES ({1}, '2025-02-01', NULL, 'Cronograma aprobado', 'Asesora');
                """,
                [editedId.ToString(System.Globalization.CultureInfo.InvariantCulture), withEvidenceId],
                Ct);
        }

        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await using var check = await _database.CreateDbContextAsync(Ct);
        var descriptions = await check.Actions.AsNoTracking().OrderBy(a => a.FindingId).ThenBy(a => a.DisplayOrder).Select(a => a.Description).ToListAsync(Ct);
        var paragraphs = SeedLoader.ReadDocument(SeedFiles.Real).Plan!.Findings
            .Where(f => f.Deadline is not null && !f.ImprovementsNotApplicable).SelectMany(f => f.Improvements).ToList();
        Assert.Equal(paragraphs, descriptions); // nothing joined: each group had an edited action
        Assert.True(await check.Actions.AnyAsync(a => a.Id == editedId && a.Description.StartsWith("Incluir herramientas"), Ct));
        Assert.Equal(1, await check.Evidence.CountAsync(e => e.ActionId == withEvidenceId, Ct));
    }

    [Fact]
    public async Task Migration_DatabaseWithOneActionPerParagraph_UneditedGroupsBecomeTheSeedsActions()
    {
        await using (var db = await RollBackToOneActionPerParagraphAsync())
        {
            Assert.True(await db.Actions.CountAsync(Ct) > ExpectedActions().Count); // the old reading had more rows
        }

        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);

        await AssertActionsAreTheSeedsAsync();
    }

    /// <summary>
    /// The seeded database as the release before <c>SeedActionsAsRead</c> left it: that schema, and one action per dated
    /// «mejoras para implementar» paragraph, unedited, as its seed and its migrations made them.
    /// </summary>
    private async Task<GobiernoDigitalDbContext> RollBackToOneActionPerParagraphAsync()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        var db = await _database.CreateDbContextAsync(Ct);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_SeedActionsAsRead", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before, Ct);
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "Acciones";
            INSERT INTO "Acciones" ("FindingId", "Description", "Responsible", "StartDate", "EndDate", "Status", "Progress", "ExpectedPoints", "CompletedOn", "DisplayOrder", "Revision")
            SELECT f."Id", trim(j."value"), NULL, f."DeadlineStart", f."DeadlineEnd", 'NoIniciada', 0, NULL, NULL, j."key" + 1, 0
            FROM "Hallazgos" AS f, json_each(f."Improvements") AS j
            WHERE f."DeadlineStart" IS NOT NULL AND f."ImprovementsNotApplicable" = 0 AND trim(j."value") <> ''
            ORDER BY f."Id", j."key";
            """, Ct);
        return db;
    }

    private async Task AssertActionsAreTheSeedsAsync()
    {
        var expected = ExpectedActions();
        await using var db = await _database.CreateDbContextAsync(Ct);
        var actions = await db.Actions.AsNoTracking()
            .Join(db.Findings, a => a.FindingId, f => f.Id, (a, f) => new { Action = a, f.CategoryId, FindingOrder = f.DisplayOrder })
            .Join(db.Categories, x => x.CategoryId, c => c.Id, (x, c) => new { x.Action, x.FindingOrder, Category = c.Name })
            .ToListAsync(Ct);

        Assert.Equal(expected.Count, actions.Count);
        Assert.Equal(
            expected,
            actions.OrderBy(a => a.FindingOrder).ThenBy(a => a.Action.DisplayOrder)
                .Select(a => (a.Category, a.Action.Description, a.Action.StartDate, a.Action.EndDate)));
        Assert.All(actions, a =>
        {
            Assert.Equal(ActionStatus.NoIniciada, a.Action.Status);
            Assert.Null(a.Action.Responsible);
            Assert.Equal(0, a.Action.Progress);
        });
    }
}
