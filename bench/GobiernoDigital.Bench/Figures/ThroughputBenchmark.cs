using System.Text;

namespace GobiernoDigital.Bench.Figures;

/// <summary>
/// Requests per second and p50/p99 latency of <c>GET /</c> (the prerendered overview of the seed) and, in the same
/// run and process, of a static HTML file of the same size; then their ratio. For reference, also the not-found page
/// (the layout around almost no content): the ceiling of any page of the app.
/// </summary>
public static class ThroughputBenchmark
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var connections = options.Int("connections", 32, 4);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10, 1));
        // Long enough for tiered compilation to settle: on the 2-core machine under 32 connections the published app needs
        // about 25 s of load before its hot paths run fully optimised code (ReadyToRun, then instrumented, then tier-1 with
        // profile data); after 3 s the overview served about 940 requests/s, after 27 s 3 400 (bench/README.md).
        var warmUp = TimeSpan.FromSeconds(options.Int("warmup-seconds", 30, 1));
        var maxRequests = options.Int("max-requests", 1_000_000, 200);
        ILoadClient client = (options.Text("client") ?? (WrkClient.Available() ? "wrk" : "dotnet")) switch
        {
            "wrk" => new WrkClient(),
            "dotnet" => new DotnetLoadClient(),
            var other => throw new BenchException($"Cliente desconocido: {other} (wrk o dotnet)."),
        };

        using var folder = new BenchDirectory();
        var staticFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "estatico")).FullName;
        await using var app = await AppProcess.StartServingAsync(options.AppDirectory, folder, cancellationToken,
            new Dictionary<string, string> { ["Diagnostico:CarpetaEstatica"] = staticFolder });

        // The static page has exactly the overview's size, so both responses move the same bytes.
        using var http = new HttpClient();
        var overviewBytes = (await http.GetByteArrayAsync(app.Root, cancellationToken)).Length;
        await File.WriteAllBytesAsync(Path.Combine(staticFolder, "pagina.html"), StaticPage(overviewBytes), cancellationToken);
        var staticUrl = new Uri(app.Root, "_diagnostico/estatico/pagina.html");
        var staticBytes = (await http.GetByteArrayAsync(staticUrl, cancellationToken)).Length;

        Report.Figure("client", client.Name);
        Report.Figure("connections", connections);
        Report.Figure("warmup_seconds", (int)warmUp.TotalSeconds);
        Report.Figure("page_bytes", overviewBytes);
        Report.Figure("static_bytes", staticBytes);

        await client.RunAsync(app.Root, connections, warmUp, maxRequests, cancellationToken);
        var overview = await client.RunAsync(app.Root, connections, duration, maxRequests, cancellationToken);
        await client.RunAsync(staticUrl, connections, warmUp, maxRequests, cancellationToken);
        var page = await client.RunAsync(staticUrl, connections, duration, maxRequests, cancellationToken);

        // For reference, the ceiling of any page with this layout: the not-found page renders the same layout (app bar,
        // menu, theme) around one paragraph. Its 404s are expected.
        var layoutOnlyUrl = new Uri(app.Root, "_pagina-inexistente");
        await client.RunAsync(layoutOnlyUrl, connections, warmUp, maxRequests, cancellationToken);
        var layoutOnly = await client.RunAsync(layoutOnlyUrl, connections, duration, maxRequests, cancellationToken);

        Print("overview", overview);
        Print("static", page);
        Report.Figure("overview_static_ratio", overview.RequestsPerSecond / page.RequestsPerSecond, 3);
        Report.Figure("layout_only_rps", layoutOnly.RequestsPerSecond);
        Report.Figure("layout_only_p99_ms", layoutOnly.P99Ms, 2);
        Report.Figure("layout_only_static_ratio", layoutOnly.RequestsPerSecond / page.RequestsPerSecond, 3);
    }

    private static void Print(string name, LoadResult result)
    {
        Report.Figure($"{name}_rps", result.RequestsPerSecond);
        Report.Figure($"{name}_p50_ms", result.P50Ms, 2);
        Report.Figure($"{name}_p99_ms", result.P99Ms, 2);
        Report.Figure($"{name}_requests", result.Requests);
        Report.Figure($"{name}_errors", result.Errors);
    }

    /// <summary>A valid HTML page of exactly <paramref name="size"/> bytes (ASCII filler inside a paragraph).</summary>
    private static byte[] StaticPage(int size)
    {
        const string head = "<!DOCTYPE html><html lang=\"es-CO\"><head><meta charset=\"utf-8\"><title>Página estática</title></head><body><p>";
        const string tail = "</p></body></html>\n";
        var filler = Math.Max(0, size - head.Length - tail.Length);
        var text = new StringBuilder(size).Append(head);
        const string words = "Gobierno Digital, pagina estatica de referencia. ";
        while (text.Length < head.Length + filler)
        {
            text.Append(words[(text.Length - head.Length) % words.Length]);
        }

        return Encoding.ASCII.GetBytes(text.Append(tail).ToString());
    }
}
