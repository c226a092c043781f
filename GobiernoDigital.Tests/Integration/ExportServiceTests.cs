using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

public sealed class ExportServiceTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetTemplateAsync_NothingMeasured_IsForLastYearInColombia()
    {
        await DatabaseInitializer.InitializeAsync(_database, seedFile: null, Ct);
        // 03:00 UTC on 1 January 2026 is still 31 December 2025 in Bogotá (UTC−5): last year there is 2024.
        var service = new ExportService(_database, new FixedTimeProvider(new DateTimeOffset(2026, 1, 1, 3, 0, 0, TimeSpan.Zero)));

        var file = await service.GetTemplateAsync(SpreadsheetFormat.Csv, Ct);

        Assert.Equal("plantilla-puntajes-2024.csv", file.FileName);
        Assert.Single(SpreadsheetFiles.CsvRecords(file.Content)); // the header row only: the catalog is empty
    }

    [Fact]
    public async Task GetScoresAsync_UnknownVigencia_IsNull()
    {
        using var worked = await WorkedScoresDatabase.CreateAsync(Ct);
        var service = new ExportService(worked.Database, TimeProvider.System);

        Assert.Null(await service.GetScoresAsync(2022, SpreadsheetFormat.Xlsx, Ct));
        Assert.NotNull(await service.GetScoresAsync(2023, SpreadsheetFormat.Xlsx, Ct));
    }
}
