using GobiernoDigital.Core.Domain;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// WorkedScoresDatabase: Transparencia 40 (2023) and 55,4 (2024), Plan de seguridad No aplica in 2023, Monitoreo retired
// from 2024.
public sealed class PeerComparisonTests : WorkedScoresTestBase
{
    [Fact]
    public async Task PeerComparisonFor_RecordedAverages_DifferenceIsScoreMinusAverageOnlyWhenBothExist()
    {
        await AddPeerAveragesAsync(("Transparencia", 2023, 52.5m), ("Plan de seguridad", 2023, 61m));
        var snapshot = await Worked.SnapshotAsync(Ct);
        var report = snapshot.ReportFor(snapshot.Measurements.Single(m => m.Vigencia == 2023));

        var peers = snapshot.PeerComparisonFor(2023);

        Assert.True(peers.Any);
        var transparencia = report.Categories.Single(c => c.Category.Name == "Transparencia");
        Assert.Equal(52.5m, peers.AverageOf(transparencia.Category.CategoryId));
        Assert.Equal(40m - 52.5m, peers.DifferenceOf(transparencia));
        // No aplica has no score to compare: the average is shown, the difference is not.
        var plan = report.Categories.Single(c => c.Category.Name == "Plan de seguridad");
        Assert.Equal(61m, peers.AverageOf(plan.Category.CategoryId));
        Assert.Null(peers.DifferenceOf(plan));
        // A category without an average has neither.
        var colaboracion = report.Categories.Single(c => c.Category.Name == "Colaboración");
        Assert.Null(peers.AverageOf(colaboracion.Category.CategoryId));
        Assert.Null(peers.DifferenceOf(colaboracion));
    }

    [Fact]
    public async Task PeerComparisonFor_AveragesOfAnotherVigenciaOnly_NoComparison()
    {
        await AddPeerAveragesAsync(("Transparencia", 2024, 60m));

        var snapshot = await Worked.SnapshotAsync(Ct);

        Assert.False(snapshot.PeerComparisonFor(2023).Any);
        Assert.True(snapshot.PeerComparisonFor(2024).Any);
    }

    [Fact]
    public async Task PeerComparisonFor_CategoryRetiredFromTheVigencia_LeftOut()
    {
        // Monitoreo does not apply to 2024, so its average there (recorded before it was retired) is not compared.
        await AddPeerAveragesAsync(("Monitoreo", 2024, 70m));

        var snapshot = await Worked.SnapshotAsync(Ct);

        Assert.False(snapshot.PeerComparisonFor(2024).Any);
        Assert.Equal(70m, snapshot.PeerAverageOf(await IdOfAsync("Monitoreo"), 2024));
    }

    private async Task AddPeerAveragesAsync(params (string Category, int Vigencia, decimal Value)[] averages)
    {
        await using var db = await Worked.Database.CreateDbContextAsync(Ct);
        foreach (var (category, vigencia, value) in averages)
        {
            var id = await db.Categories.Where(c => c.Name == category).Select(c => c.Id).SingleAsync(Ct);
            db.PeerAverages.Add(new PeerAverage(id, vigencia, value));
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> IdOfAsync(string category)
    {
        await using var db = await Worked.Database.CreateDbContextAsync(Ct);
        return await db.Categories.Where(c => c.Name == category).Select(c => c.Id).SingleAsync(Ct);
    }
}
