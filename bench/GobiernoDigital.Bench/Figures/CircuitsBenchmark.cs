using System.Globalization;
using Microsoft.Playwright;

namespace GobiernoDigital.Bench.Figures;

/// <summary>
/// Server memory per idle interactive session: N real Blazor circuits (Chromium tabs on the overview), then the
/// app's working set and managed heap after a full garbage collection, against a baseline of one open tab.
/// </summary>
public static class CircuitsBenchmark
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var steps = options.Ints("circuits", [50, 100, 200], [3]).Order().ToList();
        var parallel = options.Int("parallel", 4, 2);
        var settle = TimeSpan.FromSeconds(options.Int("settle-seconds", 5, 1));
        var path = options.Text("path") ?? "/";
        var heapTypes = options.Int("heap-types", 0, 0);

        if (await Chromium.LaunchOrSkipAsync("circuits") is not { } launched)
        {
            return;
        }

        using var playwright = launched.Playwright;
        await using var browser = launched.Browser;
        using var folder = new BenchDirectory();
        await using var app = await AppProcess.StartServingAsync(options.AppDirectory, folder, cancellationToken);
        var url = new Uri(app.Root, path.TrimStart('/'));
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "es-CO", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var pages = new List<IPage>();

        Report.Figure("circuits_path", path);

        // Baseline: one session open, so that what only the first circuit pays (code, caches, pools) is not counted per circuit.
        pages.Add(await Chromium.OpenInteractiveAsync(context, url));
        await Task.Delay(settle, cancellationToken);
        var baseline = await app.MemoryAsync(cancellationToken);
        var baselineHeap = heapTypes > 0 ? HeapTypes.Of(app.ProcessId) : null;
        Report.Figure("circuits_baseline_open", baseline["circuits_open"]);
        Report.Figure("circuits_baseline_working_set_mb", baseline["working_set_bytes"] / 1048576.0);
        Report.Figure("circuits_baseline_managed_heap_mb", baseline["managed_heap_bytes"] / 1048576.0);
        Report.Figure("server_gc", baseline["server_gc"]);

        foreach (var n in steps)
        {
            while (pages.Count < n + 1)
            {
                var batch = Math.Min(parallel, n + 1 - pages.Count);
                pages.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => Chromium.OpenInteractiveAsync(context, url))));
                cancellationToken.ThrowIfCancellationRequested();
            }

            await Task.Delay(settle, cancellationToken);
            var memory = await app.MemoryAsync(cancellationToken);
            var added = memory["circuits_open"] - baseline["circuits_open"];
            if (added < n)
            {
                throw new BenchException($"Se esperaban {n} circuitos más que la línea base y el servidor cuenta {added}.");
            }

            Report.Figure($"circuits_{n}_open", memory["circuits_open"]);
            Report.Figure($"circuits_{n}_working_set_mb", memory["working_set_bytes"] / 1048576.0);
            Report.Figure($"circuits_{n}_managed_heap_mb", memory["managed_heap_bytes"] / 1048576.0);
            Report.Figure($"circuits_{n}_working_set_per_circuit_kb", (memory["working_set_bytes"] - baseline["working_set_bytes"]) / 1024.0 / added);
            Report.Figure($"circuits_{n}_managed_heap_per_circuit_kb", (memory["managed_heap_bytes"] - baseline["managed_heap_bytes"]) / 1024.0 / added);
            Report.Figure($"circuits_{n}_gc_committed_per_circuit_kb", (memory["gc_committed_bytes"] - baseline["gc_committed_bytes"]) / 1024.0 / added);

            if (baselineHeap is not null)
            {
                // What each circuit keeps, by type: "KB per circuit;objects per circuit;type".
                var rank = 0;
                foreach (var (type, kilobytes, objects) in HeapTypes.Of(app.ProcessId).GrowthSince(baselineHeap, (int)added, heapTypes))
                {
                    Report.Figure($"circuits_{n}_heap_type_{++rank}", string.Create(CultureInfo.InvariantCulture, $"{kilobytes:F1};{objects:F1};{type}"));
                }
            }
        }

        await context.CloseAsync();
    }
}
