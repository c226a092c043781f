namespace GobiernoDigital.Bench.Figures;

/// <summary>
/// Start-up of the published app on an existing database: from starting the process (<c>dotnet
/// GobiernoDigital.Dashboard.dll</c>) to its first 200 on <c>/</c>, polled every 10 ms. The first start, which creates
/// and seeds the database, is not counted.
/// </summary>
public static class StartupBenchmark
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var runs = options.Int("runs", 5, 1);
        using var folder = new BenchDirectory();
        await using (await AppProcess.StartServingAsync(options.AppDirectory, folder, cancellationToken))
        {
            // The first start creates and seeds the database.
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            await using var app = AppProcess.Start(options.AppDirectory, folder);
            var elapsed = await app.WaitUntilServingAsync(TimeSpan.FromMinutes(2), cancellationToken);
            times.Add(elapsed.TotalMilliseconds);
        }

        Report.Figure("startup_runs", times.Count);
        Report.Figure("startup_ms", Stats.Percentile(times, 50), 0);
        Report.Figure("startup_min_ms", times.Min(), 0);
        Report.Figure("startup_max_ms", times.Max(), 0);
    }
}
