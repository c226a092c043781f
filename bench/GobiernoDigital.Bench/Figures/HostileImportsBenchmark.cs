using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Bench.Figures;

/// <summary>
/// What each hostile file of <see cref="HostileFiles"/> costs the import path, beside an ordinary 17-row file: every
/// file is read and analysed (<see cref="ScoreFileReader"/> then <see cref="ImportAnalyzer"/> against the seeded
/// database, what <c>ScoreImportService.PreviewAsync</c> does after its access check) in a fresh process of its own,
/// whose temp folder (<c>TMPDIR</c>) is a folder of the benchmark. Per file: the process's peak resident memory
/// (<c>VmHWM</c>, so the runtime's own start-up is in it: the reference shows that floor), its CPU seconds, the
/// elapsed time, the temp folder's size before, at its largest (sampled every 20 ms) and after, and the message.
/// </summary>
public static class HostileImportsBenchmark
{
    /// <summary>The hidden first argument that makes the driver the worker of one file.</summary>
    public const string WorkerCommand = "hostile-import-worker";

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var folder = new BenchDirectory();
        await folder.SeedAsync(options.AppDirectory, cancellationToken);
        List<string> categories;
        await using (var db = folder.CreateDbContext())
        {
            categories = await db.Categories.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync(cancellationToken);
        }

        var bombMegabytes = options.Int("bomb-mb", 512, 16);
        var files = new List<(string Name, Func<byte[]> Build)>
        {
            ("referencia_17_filas.xlsx", () => ReferenceWorkbook(categories)),
            ("referencia_17_filas.csv", () => ReferenceCsv(categories)),
            ("bomba_textos_compartidos.xlsx", () => HostileFiles.SharedStringsBomb(bombMegabytes)),
            ("bomba_que_miente.xlsx", () => HostileFiles.LyingSharedStringsBomb(bombMegabytes)),
            ("encabezado_ancho.csv", () => HostileFiles.WideCsv(20_000, 2)),
            ("dimension_enorme.xlsx", () => HostileFiles.HugeDimension(cornerValue: true)),
            ("un_millon_de_filas.csv", () => HostileFiles.LongCsv(1_000_000)),
        };
        if (!options.Smoke)
        {
            files.AddRange(
            [
                ("textos_compartidos_100001.xlsx", () => HostileFiles.ManySharedStrings(ImportLimits.MaxSharedStrings + 1)),
                ("texto_compartido_largo.xlsx", () => HostileFiles.LongCell(ImportLimits.MaxCellLength + 1, shared: true)),
                ("encabezado_ancho.xlsx", () => HostileFiles.WideWorkbook(20_000)),
                ("dimension_enorme_sin_dato.xlsx", () => HostileFiles.HugeDimension(cornerValue: false)),
                ("un_millon_de_filas.xlsx", () => HostileFiles.LongWorkbook(1_000_000)),
                ("utf16.csv", HostileFiles.Utf16Csv),
                ("doctype_entidades.xlsx", HostileFiles.WorkbookWithDoctype),
            ]);
        }

        foreach (var (name, build) in files)
        {
            var path = Path.Combine(folder.Path, name);
            await File.WriteAllBytesAsync(path, build(), cancellationToken);
            await MeasureAsync(folder, path, cancellationToken);
        }
    }

    /// <summary>The worker: reads and analyses one file, then prints its own figures (the parent prefixes them).</summary>
    public static async Task<int> WorkAsync(string databasePath, string filePath)
    {
        var clock = Stopwatch.StartNew();
        await using var content = File.OpenRead(filePath);
        var read = await ScoreFileReader.ReadAsync(content, Path.GetFileName(filePath), content.Length);
        string message;
        if (read.File is null)
        {
            message = read.Errors[0];
        }
        else
        {
            await using var db = new GobiernoDigitalDbContext(new DbContextOptionsBuilder<GobiernoDigitalDbContext>().UseSqlite($"Data Source={databasePath}").Options);
            var preview = ImportAnalyzer.Analyze(read.File, await ScoringSnapshot.LoadAsync(db));
            message = preview.HasErrors ? preview.Errors[0].Message : $"vista previa: {preview.RowCount} filas, {preview.Changes.Count} cambios";
        }

        using var self = Process.GetCurrentProcess();
        Report.Figure("refused", read.File is null ? 1 : 0);
        Report.Figure("ms", clock.Elapsed.TotalMilliseconds, 0);
        Report.Figure("cpu_s", self.TotalProcessorTime.TotalSeconds, 2);
        Report.Figure("peak_rss_mb", PeakResidentKilobytes() / 1024.0, 1);
        Report.Figure("message", ImportLimits.Quote(message.ReplaceLineEndings(" ")));
        return 0;
    }

    private static async Task MeasureAsync(BenchDirectory folder, string filePath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(filePath).Replace('.', '_');
        var temp = Directory.CreateDirectory(Path.Combine(folder.Path, $"tmp-{name}")).FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(HostileImportsBenchmark).Assembly.Location, WorkerCommand, folder.DatabasePath, filePath })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TMPDIR"] = temp;
        Report.Figure($"hostile_{name}_file_kb", new FileInfo(filePath).Length / 1024.0, 1);
        Report.Figure($"hostile_{name}_temp_before_kb", FolderBytes(temp) / 1024.0, 1);
        using var process = Process.Start(info) ?? throw new BenchException("No se pudo iniciar el proceso de la importación.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long tempPeak = 0;
        while (!process.HasExited)
        {
            tempPeak = Math.Max(tempPeak, FolderBytes(temp));
            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchException($"La importación de {filePath} terminó con el código {process.ExitCode}: {await error}");
        }

        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine($"hostile_{name}_{line}");
        }

        Report.Figure($"hostile_{name}_temp_peak_kb", tempPeak / 1024.0, 1);
        Report.Figure($"hostile_{name}_temp_after_kb", FolderBytes(temp) / 1024.0, 1);
    }

    private static long FolderBytes(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        }
        catch (IOException)
        {
            return 0; // a file vanished while listed
        }
    }

    /// <summary>VmHWM of /proc/self/status: the most resident memory the process ever had.</summary>
    private static long PeakResidentKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The ordinary file: a score for each seeded category, vigencia 2024.</summary>
    private static byte[] ReferenceCsv(List<string> categories) => Encoding.UTF8.GetBytes(
        "Vigencia;Categoría;Puntaje\n" + string.Concat(categories.Select((c, i) => $"2024;{c};{40 + i},5\n")));

    private static byte[] ReferenceWorkbook(List<string> categories) => HostileFiles.Workbook(w =>
    {
        w.Write(HostileFiles.OrdinaryRows.Split("<row r=\"2\">")[0]);
        for (var i = 0; i < categories.Count; i++)
        {
            var r = i + 2;
            w.Write($"""<row r="{r}"><c r="A{r}"><v>2024</v></c><c r="B{r}" t="inlineStr"><is><t>{SecurityElement.Escape(categories[i])}</t></is></c><c r="C{r}"><v>{40 + i}.5</v></c></row>""");
        }
    });
}
