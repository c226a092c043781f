using System.Net;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

// Each test reads and edits a seeded SQLite file of its own. The seed's 2023: 640 / 16 = 40,0 %, Colaboración at 0.
public sealed class ComplianceCacheTests : SeededDatabaseTestBase
{
    [Fact]
    public async Task GetOverviewAsync_TwoCircuitsWithoutChanges_ShareOneComputedModel()
    {
        var cache = new ComplianceCache(Database);
        var first = await new ComplianceService(Database, cache).GetOverviewAsync(2023, Ct);

        var second = await new ComplianceService(Database, cache).GetOverviewAsync(2023, Ct);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Same(first.Report, second!.Report);
    }

    [Fact]
    public async Task GetOverviewAsync_AfterAScoreIsSaved_ShowsTheNewPercentage()
    {
        var cache = new ComplianceCache(Database);
        var service = new ComplianceService(Database, cache);
        Assert.Equal(40m, (await service.GetOverviewAsync(2023, Ct))!.Report.Percentage);

        await SetColaboracionAsync(Database, 100m);

        // (640 + 100) / 16 = 46,25.
        Assert.Equal(46.25m, (await service.GetOverviewAsync(2023, Ct))!.Report.Percentage);
        Assert.Equal(46.25m, (await new ComplianceService(Database, cache).GetOverviewAsync(null, Ct))!.Report.Percentage);
    }

    [Fact]
    public async Task GetCategoryAsync_AfterAMetaIsSet_ShowsItAndItsGap()
    {
        var service = new ComplianceService(Database, new ComplianceCache(Database));
        var colaboracion = await CategoryIdAsync("Colaboración");
        Assert.Equal(100m, (await service.GetCategoryAsync(colaboracion, Ct))!.Latest!.Target);

        await using (var db = await Database.CreateDbContextAsync(Ct))
        {
            db.Targets.Add(new Target(colaboracion, 2023, 60m));
            await db.SaveChangesAsync(Ct);
        }

        var latest = (await service.GetCategoryAsync(colaboracion, Ct))!.Latest!;
        Assert.Equal(60m, latest.Target);
        Assert.Equal(60m, latest.Gap);
    }

    [Fact]
    public async Task GetOrAddAsync_DataChangesWhileComputing_ReturnsTheResultButComputesAgainNextTime()
    {
        var cache = new ComplianceCache(Database);
        var computed = 0;

        async Task<int> ComputeWhileSomeoneSaves(CancellationToken ct)
        {
            computed++;
            await SetColaboracionAsync(Database, computed * 10m);
            return computed;
        }

        Assert.Equal(1, await cache.GetOrAddAsync("figura", ComputeWhileSomeoneSaves, Ct));
        Assert.Equal(2, await cache.GetOrAddAsync("figura", ComputeWhileSomeoneSaves, Ct));
    }

    [Fact]
    public async Task Overview_WhenTheAppsDatabaseChangesBehindItsCache_TheNextPageShowsTheChange()
    {
        using var app = new DashboardAppFactory();
        using var client = app.CreateClient();
        Assert.Contains("40,0 %", await PageAsync(client), StringComparison.Ordinal);

        await SetColaboracionAsync(app.Database, 100m);

        // 46,25 rounds half up to 46,3.
        Assert.Contains("46,3 %", await PageAsync(client), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AuthForms.TextAsync(response);
    }

    private static async Task SetColaboracionAsync(SqliteTestDatabase database, decimal score)
    {
        await using var db = await database.CreateDbContextAsync(Ct);
        var measurement = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category).SingleAsync(m => m.Vigencia == 2023, Ct);
        measurement.SetScore(measurement.Scores.Single(s => s.Category.Name == "Colaboración").Category, Score.Measured(score));
        measurement.Touch();
        await db.SaveChangesAsync(Ct);
    }
}
