using System.Diagnostics;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.Core;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// A file of 10,000 rows (125 categories × 80 vigencias, each row with a score and a meta) previewed and committed
/// through the service, as the page does. Half the vigencias are measured already (every score changes), half are new.
/// The elapsed times are printed, not asserted: run this class alone to read them
/// (<c>GobiernoDigital.Tests/bin/Debug/net10.0/GobiernoDigital.Tests -class GobiernoDigital.Tests.Integration.ScoreImportLoadTests -showliveoutput</c>).
/// </summary>
public sealed class ScoreImportLoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Components = 5;
    private const int CategoriesPerComponent = 25;
    private const int FirstVigencia = 2000;
    private const int Vigencias = 80;
    private const int MeasuredVigencias = 40;

    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("diez-mil.csv")]
    [InlineData("diez-mil.xlsx")]
    public async Task PreviewAndCommitAsync_TenThousandRows_ImportsEveryRow(string fileName)
    {
        var categories = await CreateCatalogAsync();
        var rows = (
            from v in Enumerable.Range(FirstVigencia, Vigencias)
            from c in Enumerable.Range(0, categories.Count)
            select new object?[] { v, categories[c], NewScore(v, c), 50 + ((v + c) % 50), $"Fila de prueba {v}-{c}" }).ToArray();
        Assert.Equal(10_000, rows.Length);
        string[] header = [ScoreColumns.Vigencia, ScoreColumns.Category, ScoreColumns.Score, ScoreColumns.Target, ScoreColumns.Observation];
        var bytes = fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? ScoreFiles.Xlsx(header, rows)
            : ScoreFiles.Utf8(ScoreFiles.CsvText(';', header, rows.Select(r => r.Select(x => x is decimal d ? d.ToString(EsCo.Culture) : x).ToArray())));
        var service = new ScoreImportService(_database, TestAuthorization.Guard(FakeCurrentUser.InRole(Roles.Editor, "asesora")), TimeProvider.System);
        var before = await ScoreData.LoadAsync(_database, Ct);

        var clock = Stopwatch.StartNew();
        var preview = await service.PreviewAsync(new MemoryStream(bytes), fileName, bytes.LongLength, Ct);
        var previewTime = clock.Elapsed;
        clock.Restart();
        var outcome = await service.CommitAsync(preview, MeasurementSource.ResultadoOficialFurag, MeasurementState.Provisional, Ct);
        var commitTime = clock.Elapsed;

        output.WriteLine(
            $"{fileName}: {preview.RowCount:N0} filas, {bytes.Length / 1024.0:N0} KiB, {preview.Changes.Count:N0} cambios; " +
            $"vista previa {previewTime.TotalSeconds:N2} s, importación {commitTime.TotalSeconds:N2} s.");
        Assert.Empty(preview.Errors);
        Assert.Equal(10_000, preview.RowCount);
        Assert.Equal(
            new ImportSummary(
                MeasurementsCreated: Vigencias - MeasuredVigencias,
                ScoresCreated: (Vigencias - MeasuredVigencias) * categories.Count,
                ScoresChanged: MeasuredVigencias * categories.Count,
                TargetsCreated: 10_000,
                TargetsChanged: 0,
                UnchangedRows: 0),
            preview.Summary);
        Assert.True(outcome.Succeeded, outcome.Error);
        ScoreData.AssertEqual(before.With(preview.Changes, MeasurementSource.ResultadoOficialFurag), await ScoreData.LoadAsync(_database, Ct));
        await using var db = await _database.CreateDbContextAsync(Ct);
        // One summary entry for the whole file.
        var audit = Assert.Single(await db.AuditEntries.ToListAsync(Ct));
        // The entry keeps the first AuditRecorder.MaxDetailLines changes and says how many more the file made.
        var details = AuditJson.Details(audit.Details);
        Assert.Equal(AuditRecorder.MaxDetailLines + 1, details.Count);
        Assert.Equal($"… y {preview.Changes.Count - AuditRecorder.MaxDetailLines} registros más.", details[^1]);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>A score that differs from the one <see cref="CreateCatalogAsync"/> records, with one decimal.</summary>
    private static decimal NewScore(int vigencia, int category) => ((vigencia * 7) + (category * 3)) % 1000 / 10m;

    /// <summary>125 categories in 5 components, and the first 40 vigencias measured with a score for each.</summary>
    private async Task<List<string>> CreateCatalogAsync()
    {
        Assert.Equal(SeedOutcome.NoSeedFile, await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Missing(), Ct));
        await using var db = await _database.CreateDbContextAsync(Ct);
        var categories = new List<Category>();
        for (var c = 0; c < Components; c++)
        {
            var component = new Component($"Componente {c + 1}", c + 1);
            db.Components.Add(component);
            for (var k = 0; k < CategoriesPerComponent; k++)
            {
                var number = categories.Count + 1;
                categories.Add(new Category($"Categoría de gestión número {number}", $"Categoría {number}", CategoryKind.Proceso, component, k + 1));
            }
        }

        db.Categories.AddRange(categories);
        for (var v = FirstVigencia; v < FirstVigencia + MeasuredVigencias; v++)
        {
            var measurement = new Measurement(v, null, MeasurementSource.Autodiagnostico, null);
            for (var c = 0; c < categories.Count; c++)
            {
                measurement.SetScore(categories[c], Score.Measured(NewScore(v, c) == 100m ? 0m : 100m));
            }

            db.Measurements.Add(measurement);
        }

        await db.SaveChangesAsync(Ct);
        return categories.Select(c => c.Name).ToList();
    }
}
