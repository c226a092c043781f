using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GobiernoDigital.Bench;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>Keeps <c>connections</c> requests in flight against one address for a bounded time and request count.</summary>
public interface ILoadClient
{
    string Name { get; }

    Task<LoadResult> RunAsync(Uri url, int connections, TimeSpan duration, long maxRequests, CancellationToken cancellationToken);
}

/// <summary>
/// <c>wrk</c> (Debian package <c>wrk</c>): two threads, keep-alive connections, latency percentiles. It stops by
/// duration only; <c>maxRequests</c> is not enforced, the duration bounds the run.
/// </summary>
public sealed partial class WrkClient : ILoadClient
{
    public string Name => "wrk";

    public static bool Available() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    public async Task<LoadResult> RunAsync(Uri url, int connections, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--latency", "--timeout", "10s", url.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new BenchException("No se pudo iniciar wrk.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new BenchException($"wrk terminó con el código {process.ExitCode}: {await error}");
        }

        var rps = double.Parse(RequestsPerSecond().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(text) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(rps, LatencyMs(text, "50%"), LatencyMs(text, "99%"), requests, non2xx + socketErrors);
    }

    private static double LatencyMs(string text, string percentile)
    {
        var match = Regex.Match(text, $@"^\s*{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new BenchException($"wrk no imprimió el percentil {percentile}:\n{text}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

/// <summary>
/// The fallback when <c>wrk</c> is not installed: <c>connections</c> tasks on as many keep-alive HTTP/1.1
/// connections, each sending the next request when the previous body has been read. It competes with the app for
/// the same cores more than <c>wrk</c> does, so its static figure is lower: compare ratios from the same client only.
/// </summary>
public sealed class DotnetLoadClient : ILoadClient
{
    public string Name => "dotnet";

    public async Task<LoadResult> RunAsync(Uri url, int connections, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var issued = 0L;
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>[connections];

        async Task Worker(int index)
        {
            var own = latencies[index] = new List<double>(4096);
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    while (await body.ReadAsync(buffer, cancellationToken) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(() => Worker(i), cancellationToken)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count, errors);
    }
}
