using System.Net;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

public sealed class GobiernoDigitalSetupTests
{
    [Fact]
    public async Task InitializeDatabaseAsync_SecondStartOnTheSameFile_ChangesNothing()
    {
        using var database = new SqliteTestDatabase();
        var cancellationToken = TestContext.Current.CancellationToken;

        string firstHash;
        await using (var first = new SameDatabaseAppFactory(database))
        {
            using var client = first.CreateClient();
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("/", cancellationToken));
            Assert.Contains("16 de 17 categorías medidas", html, StringComparison.Ordinal);
            firstHash = await database.ContentHashAsync();
        }

        await using (var second = new SameDatabaseAppFactory(database))
        {
            using var client = second.CreateClient();
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("/", cancellationToken));
            Assert.Contains("16 de 17 categorías medidas", html, StringComparison.Ordinal);
        }

        Assert.Equal(firstHash, await database.ContentHashAsync());
        using var db = database.CreateDbContext();
        Assert.Equal(1, db.Entities.Count());
        Assert.Equal(17, db.Categories.Count());
        Assert.Equal(1, db.Measurements.Count());
    }

    [Fact]
    public async Task AddGobiernoDigitalDashboard_MudBlazorsOwnLabels_AreSpokenInSpanish()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateClient();

        // The plan's end-date filters: MudDatePicker names its calendar button from MudBlazor's texts ("Open" in English).
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/plan?plazo=rango", TestContext.Current.CancellationToken));

        Assert.Contains("aria-label=\"Abrir el calendario\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Open\"", html, StringComparison.Ordinal);
    }

    /// <summary>The real app on a database the test owns, so that two starts can share it.</summary>
    private sealed class SameDatabaseAppFactory(SqliteTestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:GobiernoDigital", database.ConnectionString);
        }
    }
}
