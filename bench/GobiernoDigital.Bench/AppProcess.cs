using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GobiernoDigital.Bench;

/// <summary>
/// The published app in a process of its own, on 127.0.0.1 and a free port, with the database of a
/// <see cref="BenchDirectory"/> and the opt-in diagnostics on (<c>Diagnostico:Habilitado</c>). Disposing stops it
/// (SIGTERM, then SIGKILL after ten seconds); its console output goes to a log file in the bench folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly List<Process> Running = [];
    private readonly Process _process;
    private readonly StreamWriter _log;

    static AppProcess()
    {
        // A benchmark stopped half-way (Ctrl+C, time-out) still stops the apps it started.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private AppProcess(Process process, StreamWriter log, Uri root, Stopwatch sinceStart)
    {
        _process = process;
        _log = log;
        Root = root;
        SinceStart = sinceStart;
    }

    /// <summary>e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Root { get; }

    /// <summary>Started right before the process.</summary>
    public Stopwatch SinceStart { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the app without waiting for it; see <see cref="WaitUntilServingAsync"/>.</summary>
    public static AppProcess Start(string appDirectory, BenchDirectory folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(appDirectory, "GobiernoDigital.Dashboard.dll");
        if (!File.Exists(dll))
        {
            throw new BenchException($"No está {dll}: publique antes con 'dotnet publish GobiernoDigital.Dashboard -c Release -o {appDirectory}'.");
        }

        var port = FreePort();
        var root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = root.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__GobiernoDigital"] = $"Data Source={folder.DatabasePath}";
        info.Environment["Diagnostico__Habilitado"] = "true";
        // The load clients open hundreds of circuits from 127.0.0.1: the per-client limits would refuse what is measured.
        info.Environment["Limites__Habilitados"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(folder.NewLogPath("app")) { AutoFlush = true };
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new BenchException("No se pudo iniciar 'dotnet'.");
        lock (Running)
        {
            Running.Add(process);
        }

        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Report.Note($"app: pid {process.Id.ToString(CultureInfo.InvariantCulture)} en {root}");
        return new AppProcess(process, log, root, sinceStart);
    }

    /// <summary>Starts the app and waits for its first 200 on <c>/</c>.</summary>
    public static async Task<AppProcess> StartServingAsync(string appDirectory, BenchDirectory folder, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Start(appDirectory, folder, settings);
        try
        {
            await app.WaitUntilServingAsync(TimeSpan.FromMinutes(2), cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <c>GET /</c> every 10 ms until a 200; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new BenchException($"La aplicación terminó al arrancar (código {_process.ExitCode}); vea su registro en la carpeta temporal.");
            }

            try
            {
                using var response = await client.GetAsync(Root, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (SinceStart.Elapsed > timeout)
            {
                throw new BenchException($"La aplicación no respondió 200 en / en {timeout.TotalSeconds} s.");
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>The diagnostics report (<c>/_diagnostico/memoria</c>) after a full garbage collection in the app.</summary>
    public async Task<IReadOnlyDictionary<string, long>> MemoryAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var text = await client.GetStringAsync(new Uri(Root, "_diagnostico/memoria"), cancellationToken);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM: the host shuts down as it would under systemd or Ctrl+C.
                using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync(CancellationToken.None);
                }
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        finally
        {
            lock (Running)
            {
                Running.Remove(_process);
            }

            _process.Dispose();
            lock (_log)
            {
                _log.Dispose();
            }
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
    }
}
