using System.Net;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The overview's figures are prerendered once per data version and shared by every visitor (PrerenderedMarkup):
/// what the browser receives must still follow every change of the data, and must never carry one visitor's page to
/// another.
/// </summary>
public sealed class OverviewPrerenderTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOverview_AfterACategoryIsRenamed_ShowsTheNewNameInTheTable()
    {
        var before = await GetHtmlAsync(_client);
        Assert.Contains(">Transparencia</a>", before, StringComparison.Ordinal);

        var factory = app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(Cancellation))
        {
            var category = await db.Categories.SingleAsync(c => c.Name == "Transparencia", Cancellation);
            category.Rename("Transparencia y acceso a la información");
            await db.SaveChangesAsync(Cancellation);
        }

        var after = await GetHtmlAsync(_client);

        Assert.Contains(">Transparencia y acceso a la información</a>", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Transparencia</a>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOverview_TwoVisitors_EachGetsTheirOwnCircuitMarkersAroundTheSameFigures()
    {
        var first = await GetHtmlAsync(_client);
        var second = await GetHtmlAsync(app.CreateClient());

        // The figures are the same markup; the circuit's protected descriptor is written for each response.
        Assert.Contains("40,0 %", first, StringComparison.Ordinal);
        Assert.Contains("40,0 %", second, StringComparison.Ordinal);
        Assert.NotEqual(Descriptor(first), Descriptor(second));
    }

    /// <summary>The overview as the browser reads it (the server writes accented letters as character references).</summary>
    private static async Task<string> GetHtmlAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/", Cancellation));

    private static string Descriptor(string html)
    {
        var start = html.IndexOf("\"descriptor\":\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "La respuesta no tiene el marcador del circuito.");
        return html[start..html.IndexOf('"', start + 14)];
    }
}
