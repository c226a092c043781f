using System.Net;
using GobiernoDigital.Dashboard.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The app with the benchmarks' diagnostics on and a static folder, as bench/ starts it.</summary>
public sealed class DiagnosticsAppFactory : DashboardAppFactory
{
    public string StaticFolder { get; } = Directory.CreateTempSubdirectory("gobiernodigital-estatico-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(BenchmarkDiagnostics.EnabledKey, "true");
        builder.UseSetting(BenchmarkDiagnostics.StaticFolderKey, StaticFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Delete(StaticFolder, recursive: true);
        }
    }
}

public sealed class BenchmarkDiagnosticsTests(DiagnosticsAppFactory app) : IClassFixture<DiagnosticsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Memory_WhenEnabled_ReportsCircuitsWorkingSetAndManagedHeap()
    {
        using var response = await app.CreateClient().GetAsync(BenchmarkDiagnostics.MemoryPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = (await response.Content.ReadAsStringAsync(Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, figures["circuits_open"]);
        Assert.True(figures["working_set_bytes"] > 0);
        Assert.True(figures["managed_heap_bytes"] > 0);
    }

    [Fact]
    public async Task StaticFolder_WhenEnabled_ServesItsFilesAsTheyAre()
    {
        await File.WriteAllTextAsync(Path.Combine(app.StaticFolder, "pagina.html"), "<p>referencia</p>", Ct);

        using var response = await app.CreateClient().GetAsync($"{BenchmarkDiagnostics.StaticPath}/pagina.html", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<p>referencia</p>", await response.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class BenchmarkDiagnosticsOffTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData(BenchmarkDiagnostics.MemoryPath)]
    [InlineData(BenchmarkDiagnostics.StaticPath + "/pagina.html")]
    public async Task Diagnostics_ByDefault_DoNotExist(string path)
    {
        using var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
