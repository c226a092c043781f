using GobiernoDigital.Bench;
using GobiernoDigital.Bench.Figures;

// bench/README.md says what each figure measures and how to run it. Figures go to standard output as name=value
// lines; notes and errors to standard error.
if (args is [HostileImportsBenchmark.WorkerCommand, var databasePath, var filePath])
{
    // One file of bench/hostile-imports, in a process of its own so that its peak memory is the file's.
    return await HostileImportsBenchmark.WorkAsync(databasePath, filePath);
}

try
{
    var options = BenchOptions.Parse(args);
    using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(options.Int("timeout-minutes", 20, 5)));
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };

    Report.Figure("figure", options.Figure);
    Report.Figure("smoke", options.Smoke ? 1 : 0);
    Report.MachineLoad("start");
    Func<BenchOptions, CancellationToken, Task> run = options.Figure switch
    {
        "throughput" => ThroughputBenchmark.RunAsync,
        "circuits" => CircuitsBenchmark.RunAsync,
        "interaction" => InteractionBenchmark.RunAsync,
        "growth" => GrowthBenchmark.RunAsync,
        "startup" => StartupBenchmark.RunAsync,
        "hostile-imports" => HostileImportsBenchmark.RunAsync,
        var other => throw new BenchException($"Cifra desconocida: {other} (throughput, circuits, interaction, growth, startup, hostile-imports)."),
    };
    await run(options, cancellation.Token);
    Report.MachineLoad("end");
    return 0;
}
catch (BenchException ex)
{
    Report.Note($"Error: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Report.Note("Error: se agotó el tiempo de la medición (--timeout-minutes) o se interrumpió.");
    return 3;
}
