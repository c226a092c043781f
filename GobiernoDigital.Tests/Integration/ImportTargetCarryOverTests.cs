using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>A vigencia created by a file gets the previous vigencia's metas, as one created with the form does.</summary>
public sealed class ImportTargetCarryOverTests : SeededDatabaseTestBase
{
    private int _transparencia;
    private int _colaboracion;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Database.CreateDbContextAsync(Ct);
        _transparencia = (await db.Categories.SingleAsync(c => c.Name == "Transparencia", Ct)).Id;
        _colaboracion = (await db.Categories.SingleAsync(c => c.Name == "Colaboración", Ct)).Id;
        db.Targets.Add(new Target(_transparencia, 2023, 80m));
        db.Targets.Add(new Target(_colaboracion, 2023, 60m));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Commit_NewVigencia_CopiesThePreviousMetasExceptThoseTheFileSets()
    {
        var csv = ScoreFiles.CsvText(';', [ScoreColumns.Vigencia, ScoreColumns.Category, ScoreColumns.Score, ScoreColumns.Target],
            [2024, "Transparencia", "50", null],
            [2024, "Colaboración", "10", "90"]);
        var read = await ScoreFiles.ReadAsync(ScoreFiles.Utf8(csv), "puntajes.csv");

        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            var preview = ImportAnalyzer.Analyze(read.File!, await ScoringSnapshot.LoadAsync(db, Ct));
            Assert.Contains(preview.Warnings, w => w.StartsWith("Las metas de cada vigencia nueva", StringComparison.Ordinal));
            Assert.True((await ImportApplier.ApplyAsync(db, preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct)).Succeeded);
        }

        await using var check = await Database.CreateDbContextAsync(Ct);
        var metas = await check.Targets.Where(t => t.Vigencia == 2024).ToDictionaryAsync(t => t.CategoryId, t => t.Value, Ct);
        Assert.Equal(new Dictionary<int, decimal> { [_transparencia] = 80m, [_colaboracion] = 90m }, metas);
    }
}
