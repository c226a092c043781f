using System.Globalization;

namespace GobiernoDigital.Bench;

/// <summary>
/// What a benchmark prints: one <c>name=value</c> line per figure (invariant culture, so <c>12.3</c>), and notes as
/// lines starting with <c>#</c>. Figures go to standard output, notes to standard error.
/// </summary>
public static class Report
{
    public static void Figure(string name, double value, int decimals = 1) =>
        Console.WriteLine($"{name}={Math.Round(value, decimals).ToString("0.###", CultureInfo.InvariantCulture)}");

    public static void Figure(string name, long value) =>
        Console.WriteLine($"{name}={value.ToString(CultureInfo.InvariantCulture)}");

    public static void Figure(string name, string value) => Console.WriteLine($"{name}={value}");

    public static void Note(string text) => Console.Error.WriteLine($"# {text}");

    /// <summary>The machine's load now (1-minute average from /proc/loadavg) and its cores: benchmarks on a busy machine are upper bounds.</summary>
    public static void MachineLoad(string when)
    {
        Figure($"load_avg_1m_{when}", LoadAverage(), 2);
        if (when == "start")
        {
            Figure("cores", Environment.ProcessorCount);
        }
    }

    private static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
