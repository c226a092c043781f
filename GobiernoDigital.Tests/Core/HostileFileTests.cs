using System.Diagnostics;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Core;

/// <summary>
/// Files built to hurt the importer (<see cref="HostileFiles"/>): each is refused with a Spanish message, in bounded
/// time and memory, and leaves nothing in the temp folder.
/// </summary>
/// <remarks>
/// The class runs alone (its collection disables parallelisation) with the process's temp folder pointed at an empty
/// folder of its own, so that a file written there by the reader, or an allocation, is the reader's and no other test's.
/// The time limit is loose on purpose (a slow shared machine must not fail it); the bombs took minutes before the limits.
/// </remarks>
[Collection(nameof(HostileFileTests))]
[CollectionDefinition(nameof(HostileFileTests), DisableParallelization = true)]
public sealed class HostileFileTests : IDisposable
{
    private const long MaxAllocatedBytes = 150L * 1024 * 1024;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    private readonly string? _previousTemp = Environment.GetEnvironmentVariable("TMPDIR");
    private readonly string _temp = Directory.CreateTempSubdirectory("gobiernodigital-hostile-").FullName;

    public HostileFileTests() => Environment.SetEnvironmentVariable("TMPDIR", _temp);

    public static TheoryData<string> Refused { get; } =
    [
        "bomba de textos compartidos", "bomba que miente sobre su tamaño", "demasiados textos compartidos", "texto compartido enorme",
        "celda en línea enorme", "dimensión enorme con dato en la esquina", "encabezado muy ancho (xlsx)", "encabezado muy ancho (csv)",
        "csv ancho en cada fila", "un millón de filas (csv)", "un millón de filas (xlsx)", "30.000 filas (xlsx)", "celda enorme (csv)",
        "codificación UTF-16", "DOCTYPE con entidades", "demasiadas partes",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ReadAsync_HostileFile_RefusedWithItsMessageBoundedAndNothingLeftInTemp(string name)
    {
        var (bytes, fileName, expected) = File(name);
        Assert.Equal(_temp, Path.GetTempPath().TrimEnd('/'));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var read = await ScoreFiles.ReadAsync(bytes, fileName);

        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Null(read.File);
        Assert.Equal([expected], read.Errors);
        Assert.True(clock.Elapsed < MaxTime, $"{name}: {clock.Elapsed.TotalSeconds:N1} s");
        Assert.True(allocated < MaxAllocatedBytes, $"{name}: {allocated / (1024 * 1024)} MB allocated");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp));
    }

    [Fact]
    public async Task ReadAsync_BombUnderTheSizeLimit_RefusedAfterACellsWorthOfTextNotHeldWhole()
    {
        // 16 MB of one text: under the 20 MB a workbook may expand to, so only the cell limit stops it.
        var bytes = HostileFiles.SharedStringsBomb(16);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var read = await ScoreFiles.ReadAsync(bytes, "bomba.xlsx");

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal([ImportLimits.CellTooLong(null)], read.Errors);
        // Holding the text whole would take 32 MB (two bytes a character) on its own.
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }

    [Fact]
    public async Task ReadAsync_HugeDeclaredDimensionOverOrdinaryRows_ReadsTheRowsQuickly()
    {
        var clock = Stopwatch.StartNew();

        var read = await ScoreFiles.ReadAsync(HostileFiles.HugeDimension(cornerValue: false), "dimension.xlsx");

        Assert.True(read.Succeeded, string.Join(" | ", read.Errors));
        Assert.Equal([new ScoreFileRow(2, "2023", "Transparencia", "45,5", null, null)], read.File!.Rows);
        Assert.True(clock.Elapsed < MaxTime);
    }

    [Fact]
    public async Task ReadAsync_TheHandWrittenWorkbook_IsReadSoEveryRefusalIsTheLimits()
    {
        var read = await ScoreFiles.ReadAsync(HostileFiles.Workbook(w => w.Write(HostileFiles.OrdinaryRows)), "puntajes.xlsx");

        Assert.True(read.Succeeded, string.Join(" | ", read.Errors));
        Assert.Equal("Transparencia", Assert.Single(read.File!.Rows).Category);
    }

    [Theory]
    [InlineData(ImportLimits.MaxColumns, true)]
    [InlineData(ImportLimits.MaxDataRows, false)]
    public async Task ReadAsync_JustAtTheLimits_Accepted(int count, bool columns)
    {
        var bytes = columns ? HostileFiles.WideCsv(count, 1) : HostileFiles.LongWorkbook(count);

        var read = await ScoreFiles.ReadAsync(bytes, columns ? "ancho.csv" : "largo.xlsx");

        // Read: what follows (unknown columns, rows without a category) is the analysis's to say, not a limit.
        Assert.DoesNotContain(read.Errors, e => e == ImportLimits.TooManyColumns || e == ImportLimits.TooManyRows);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileReadingAWorkbook_Stops()
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var bytes = HostileFiles.LongWorkbook(1000);
        var content = new CancelAtEndStream(bytes, closing);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ScoreFileReader.ReadAsync(content, "largo.xlsx", bytes.Length, closing.Token));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TMPDIR", _previousTemp);
        Directory.Delete(_temp, recursive: true);
    }

    private static (byte[] Bytes, string FileName, string Expected) File(string name) => name switch
    {
        "bomba de textos compartidos" => (HostileFiles.SharedStringsBomb(256), "bomba.xlsx", ImportLimits.WorkbookTooLarge),
        // A part that yields more than it declared is a damaged zip (.NET's zip reader stops it, the reader's bound is the second guard).
        "bomba que miente sobre su tamaño" => (HostileFiles.LyingSharedStringsBomb(256), "bomba.xlsx", ScoreFileReader.NotAWorkbook),
        "demasiados textos compartidos" => (HostileFiles.ManySharedStrings(ImportLimits.MaxSharedStrings + 1), "textos.xlsx", ImportLimits.WorkbookTooLarge),
        "texto compartido enorme" => (HostileFiles.LongCell(ImportLimits.MaxCellLength + 1, shared: true), "texto.xlsx", ImportLimits.CellTooLong(null)),
        "celda en línea enorme" => (HostileFiles.LongCell(ImportLimits.MaxCellLength + 1, shared: false), "texto.xlsx", ImportLimits.CellTooLong("D3")),
        "dimensión enorme con dato en la esquina" => (HostileFiles.HugeDimension(cornerValue: true), "dimension.xlsx", ImportLimits.TooManyColumns),
        "encabezado muy ancho (xlsx)" => (HostileFiles.WideWorkbook(ImportLimits.MaxColumns + 1), "ancho.xlsx", ImportLimits.TooManyColumns),
        "encabezado muy ancho (csv)" => (HostileFiles.WideCsv(30_000, 0), "ancho.csv", ImportLimits.TooManyColumns),
        "csv ancho en cada fila" => (HostileFiles.WideCsv(3_000, 200), "ancho.csv", ImportLimits.TooManyColumns),
        "un millón de filas (csv)" => (HostileFiles.LongCsv(1_000_000), "largo.csv", ImportLimits.TooManyRows),
        "un millón de filas (xlsx)" => (HostileFiles.LongWorkbook(1_000_000), "largo.xlsx", ImportLimits.WorkbookTooLarge),
        "30.000 filas (xlsx)" => (HostileFiles.LongWorkbook(30_000), "largo.xlsx", ImportLimits.TooManyRows),
        "celda enorme (csv)" => (ScoreFiles.Utf8($"Vigencia;Categoría;Puntaje;Observación\n2023;Transparencia;40;{new string('x', 64 * 1024)}\n"), "celda.csv", ImportLimits.CellTooLong("D2")),
        "codificación UTF-16" => (HostileFiles.Utf16Csv(), "unicode.csv", ScoreFileReader.NotUtf8),
        "DOCTYPE con entidades" => (HostileFiles.WorkbookWithDoctype(), "doctype.xlsx", ScoreFileReader.NotAWorkbook),
        "demasiadas partes" => (HostileFiles.ManyParts(ImportLimits.MaxWorkbookParts), "partes.xlsx", ImportLimits.WorkbookTooLarge),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown hostile file."),
    };

    /// <summary>A file whose last read cancels <paramref name="closing"/>: the user closes the tab once the upload ended.</summary>
    private sealed class CancelAtEndStream(byte[] bytes, CancellationTokenSource closing) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                await closing.CancelAsync();
            }

            return read;
        }
    }
}
