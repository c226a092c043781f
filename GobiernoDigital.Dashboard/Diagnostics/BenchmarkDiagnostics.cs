using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.FileProviders;

namespace GobiernoDigital.Dashboard.Diagnostics;

/// <summary>
/// Measurement hooks for the benchmarks in <c>bench/</c>, off unless <c>Diagnostico:Habilitado</c> is <c>true</c>:
/// <c>GET /_diagnostico/memoria</c> runs a full garbage collection and reports the open circuits, the working set and
/// the managed heap; <c>Diagnostico:CarpetaEstatica</c>, when set, serves that folder's files under
/// <c>/_diagnostico/estatico/</c> (the static page the throughput benchmark compares the overview with).
/// </summary>
/// <remarks>
/// Never on by default: a forced full collection on request is a denial-of-service lever. Even when enabled, only
/// requests from the loopback address are answered.
/// </remarks>
public static class BenchmarkDiagnostics
{
    public const string EnabledKey = "Diagnostico:Habilitado";
    public const string StaticFolderKey = "Diagnostico:CarpetaEstatica";
    public const string MemoryPath = "/_diagnostico/memoria";
    public const string StaticPath = "/_diagnostico/estatico";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, false);

    public static IServiceCollection AddBenchmarkDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            services.AddSingleton<OpenCircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<OpenCircuitCounter>());
        }

        return services;
    }

    public static WebApplication UseBenchmarkDiagnostics(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }

        var folder = app.Configuration[StaticFolderKey];
        if (!string.IsNullOrWhiteSpace(folder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder, app.Environment.ContentRootPath)),
                RequestPath = StaticPath,
            });
        }

        app.MapGet(MemoryPath, (HttpContext context, OpenCircuitCounter circuits) =>
                // No address means an in-process test server; over a socket only 127.0.0.1 and ::1 are answered.
                context.Connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address)
                    ? Results.Text(MemoryReport(circuits), "text/plain; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous();
        app.Logger.LogWarning("Diagnóstico de rendimiento habilitado ({Key}): solo para mediciones en 127.0.0.1.", EnabledKey);
        return app;
    }

    /// <summary>Plain <c>name=value</c> lines, after a blocking, compacting full collection.</summary>
    private static string MemoryReport(OpenCircuitCounter circuits)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var text = new StringBuilder();
        Append(text, "circuits_open", circuits.Open);
        Append(text, "circuits_connected", circuits.Connected);
        Append(text, "working_set_bytes", Environment.WorkingSet);
        Append(text, "managed_heap_bytes", GC.GetTotalMemory(forceFullCollection: false));
        Append(text, "gc_heap_size_bytes", GC.GetGCMemoryInfo().HeapSizeBytes);
        Append(text, "gc_committed_bytes", GC.GetGCMemoryInfo().TotalCommittedBytes);
        Append(text, "server_gc", GCSettings.IsServerGC ? 1 : 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, long value) =>
        text.Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
