using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ScenarioAndPeerTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Scenario_SavedAndReadBack_KeepsItsSimulatedScores()
    {
        await DatabaseInitializer.InitializeAsync(_database, SeedFiles.Real, Ct);
        int colaboracion;
        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            colaboracion = (await db.Categories.SingleAsync(c => c.Name == "Colaboración", Ct)).Id;
            db.Scenarios.Add(new Scenario("Colaboración a 50", 2023, [new ScenarioValue(colaboracion, 50m)], "asesor@concejo", new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await _database.CreateDbContextAsync(Ct))
        {
            var scenario = await db.Scenarios.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(("Colaboración a 50", 2023), (scenario.Name, scenario.BaseVigencia));
            Assert.Equal([new ScenarioValue(colaboracion, 50m)], scenario.Values);

            // A scenario is not a measurement: the measured data did not change.
            Assert.Equal(1, await db.Measurements.CountAsync(Ct));
        }
    }

    [Theory]
    [InlineData(100.1)]
    [InlineData(-1)]
    [InlineData(45.55)]
    public void PeerAverage_OutOfRangeOrTwoDecimals_IsRefused(double value)
    {
        Assert.Throws<DomainException>(() => new PeerAverage(1, 2023, (decimal)value));
    }

    [Fact]
    public void Scenario_SameCategoryTwice_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Scenario("x", 2023, [new ScenarioValue(1, 10m), new ScenarioValue(1, 20m)], "a", DateTime.UtcNow));
    }
}
