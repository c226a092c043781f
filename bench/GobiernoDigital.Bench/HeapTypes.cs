using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace GobiernoDigital.Bench;

/// <summary>
/// What the app's managed heap holds, by type: bytes and objects. Read by attaching to the running app (ClrMD,
/// Microsoft.Diagnostics.Runtime), which pauses it for the few seconds the walk takes. The difference of two snapshots
/// divided by the circuits opened in between says what each circuit keeps.
/// </summary>
public sealed class HeapTypes
{
    private readonly Dictionary<string, (long Bytes, long Objects)> _types;

    private HeapTypes(Dictionary<string, (long Bytes, long Objects)> types) => _types = types;

    /// <summary>Walks the heap of process <paramref name="processId"/> (same machine, same .NET runtime as this driver).</summary>
    public static HeapTypes Of(int processId)
    {
        using var target = DataTarget.AttachToProcess(processId, suspend: true);
        // The DAC of the runtime this driver runs on, which is the runtime the framework-dependent app runs on (ClrMD
        // cannot read the version of a live process on Linux, hence no version check).
        var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        using var runtime = File.Exists(dac) ? target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true) : target.ClrVersions[0].CreateRuntime();
        var types = new Dictionary<string, (long Bytes, long Objects)>();
        foreach (var value in runtime.Heap.EnumerateObjects())
        {
            if (!value.IsValid || value.IsFree)
            {
                continue;
            }

            var name = value.Type?.Name ?? "?";
            var (bytes, objects) = types.GetValueOrDefault(name);
            types[name] = (bytes + (long)value.Size, objects + 1);
        }

        return new HeapTypes(types);
    }

    /// <summary>The <paramref name="count"/> types that grew most from <paramref name="before"/>, per <paramref name="divisor"/>.</summary>
    public IEnumerable<(string Type, double Kilobytes, double Objects)> GrowthSince(HeapTypes before, int divisor, int count) =>
        _types
            .Select(t =>
            {
                var (bytes, objects) = before._types.GetValueOrDefault(t.Key);
                return (Type: t.Key, Kilobytes: (t.Value.Bytes - bytes) / 1024.0 / divisor, Objects: (t.Value.Objects - objects) / (double)divisor);
            })
            .OrderByDescending(t => t.Kilobytes)
            .Take(count);
}
