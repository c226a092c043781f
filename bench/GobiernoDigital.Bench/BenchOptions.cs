using System.Globalization;

namespace GobiernoDigital.Bench;

/// <summary>The command line: <c>FIGURE --app DIR [--smoke] [--name value]…</c>.</summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(string figure, Dictionary<string, string> values, bool smoke)
    {
        Figure = figure;
        _values = values;
        Smoke = smoke;
    }

    /// <summary>throughput, circuits, interaction, growth, startup or hostile-imports.</summary>
    public string Figure { get; }

    /// <summary>The reduced run of CI: tiny counts, a few seconds; it proves the figure still runs, nothing more.</summary>
    public bool Smoke { get; }

    /// <summary>The published app (the folder of <c>dotnet publish GobiernoDigital.Dashboard -c Release -o DIR</c>).</summary>
    public string AppDirectory => Path.GetFullPath(Text("app") ?? throw new BenchException("Falta --app: la carpeta de la aplicación publicada."));

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new BenchException("Uso: GobiernoDigital.Bench <throughput|circuits|interaction|growth|startup|hostile-imports> --app CARPETA [--smoke] [--opción valor]…");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var smoke = false;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchException($"Argumento inesperado: {arg}");
            }

            var name = arg[2..];
            if (name == "smoke")
            {
                smoke = true;
            }
            else if (i + 1 < args.Length)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new BenchException($"Falta el valor de {arg}.");
            }
        }

        return new BenchOptions(args[0], values, smoke);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    /// <summary>An integer option, or <paramref name="full"/> (<paramref name="smoke"/> in a smoke run) when absent.</summary>
    public int Int(string name, int full, int smoke) =>
        Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : Smoke ? smoke : full;

    /// <summary>A comma-separated list of integers, e.g. <c>--circuits 50,100,200</c>.</summary>
    public IReadOnlyList<int> Ints(string name, int[] full, int[] smoke) =>
        Text(name) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList()
            : Smoke ? smoke : full;
}

/// <summary>A problem the benchmark explains in one line instead of a stack trace.</summary>
public sealed class BenchException(string message) : Exception(message);
