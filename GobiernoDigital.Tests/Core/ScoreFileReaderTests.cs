using System.Text;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ScoreFileReaderTests
{
    private static readonly string[] Header = ScoreFiles.RequiredHeader;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(';', false)]
    [InlineData(',', false)]
    [InlineData(';', true)]
    [InlineData(',', true)]
    public async Task ReadAsync_CsvWithEitherSeparatorWithOrWithoutBom_ReadsHeaderAndRows(char separator, bool bom)
    {
        var text = ScoreFiles.CsvText(separator, Header, [2023, "Transparencia", "45,5"], [2024, "Colaboración", "No aplica"]);

        var file = await ReadAsync(ScoreFiles.Utf8(text, bom), "puntajes.csv");

        Assert.Equal(Header, file.Header);
        Assert.Equal(
            [new ScoreFileRow(2, "2023", "Transparencia", "45,5", null, null), new ScoreFileRow(3, "2024", "Colaboración", "No aplica", null, null)],
            file.Rows);
    }

    [Fact]
    public async Task ReadAsync_CsvQuotedCells_KeepsSeparatorsQuotesAndLineBreaksInside()
    {
        var text = "Vigencia;Categoría;Puntaje;Observación\r\n" +
                   "2023;\"Transparencia\";\"45,5\";\"Dice \"\"sí\"\"; con punto y coma\r\ny otra línea\"\r\n" +
                   "2023;Colaboración;0;\r\n";

        var file = await ReadAsync(ScoreFiles.Utf8(text), "puntajes.csv");

        Assert.Equal("Dice \"sí\"; con punto y coma\r\ny otra línea", file.Rows[0].Observation);
        Assert.Equal("45,5", file.Rows[0].Score);
        // A quoted line break does not start a new row in the spreadsheet either.
        Assert.Equal([2, 3], file.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task ReadAsync_EmptyLinesAndRows_SkippedButRowNumbersAreTheSpreadsheetOnes()
    {
        var text = "Vigencia;Categoría;Puntaje\n2023;Transparencia;40\n\n;;\n2023;Colaboración;0\n";

        var file = await ReadAsync(ScoreFiles.Utf8(text), "puntajes.csv");

        Assert.Equal([2, 5], file.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task ReadAsync_ExcelSeparatorHint_UsesItAndTheHeaderIsRowOne()
    {
        var text = "sep=,\r\nVigencia,Categoría,Puntaje\r\n2023,Transparencia,\"45,5\"\r\n";

        var file = await ReadAsync(ScoreFiles.Utf8(text), "puntajes.csv");

        Assert.Equal([new ScoreFileRow(2, "2023", "Transparencia", "45,5", null, null)], file.Rows);
    }

    [Fact]
    public async Task ReadAsync_HeadersWithOtherCaseAccentsAndSpaces_Match()
    {
        var text = "  VIGENCIA ;categoria;puntaje;META;observacion\n2023;Transparencia;40;80;Nota\n";

        var file = await ReadAsync(ScoreFiles.Utf8(text), "puntajes.csv");

        Assert.Equal([new ScoreFileRow(2, "2023", "Transparencia", "40", "80", "Nota")], file.Rows);
        Assert.True(file.HasTargetColumn);
        Assert.True(file.HasObservationColumn);
    }

    [Fact]
    public async Task ReadAsync_CalculatedColumnsOfTheExport_AcceptedAndIgnored()
    {
        var text = ScoreFiles.CsvText(';', ScoreColumns.All, [2023, "TIC para Gobierno Abierto", "Transparencia", "1,0", "40,0", "100,0", "60,0", "", "40,0 %", "16 de 17"]);

        var file = await ReadAsync(ScoreFiles.Utf8(text), "exportado.csv");

        Assert.Equal([new ScoreFileRow(2, "2023", "Transparencia", "40,0", "100,0", null)], file.Rows);
    }

    [Theory]
    [InlineData("'=SUMA(A1:A2)", "=SUMA(A1:A2)")]
    [InlineData("'+57 300", "+57 300")]
    [InlineData("'-5", "-5")]
    [InlineData("'@usuario", "@usuario")]
    [InlineData("'texto", "'texto")]
    [InlineData("'", "'")]
    public async Task ReadAsync_NeutralisedFormula_LosesTheApostrophe(string cell, string expected)
    {
        var text = ScoreFiles.CsvText(';', [.. Header, ScoreColumns.Observation], [2023, "Transparencia", 40, cell]);

        var file = await ReadAsync(ScoreFiles.Utf8(text), "puntajes.csv");

        Assert.Equal(expected, file.Rows[0].Observation);
    }

    [Fact]
    public async Task ReadAsync_Xlsx_NumbersBecomeTextThatParsesToTheSameValue()
    {
        var bytes = ScoreFiles.Xlsx([.. Header, ScoreColumns.Target], [2023, "Transparencia", 45.5, 0.1 + 0.2], [2023.0, "Colaboración", "No aplica", 80]);

        var file = await ReadAsync(bytes, "puntajes.xlsx");

        Assert.Equal("2023", file.Rows[0].Vigencia);
        Assert.Equal("45,5", file.Rows[0].Score);
        Assert.Equal(45.5m, NumberText.Parse(file.Rows[0].Score));
        // 0.1 + 0.2 is 0.30000000000000004 as a double; the spreadsheet shows 0,3.
        Assert.Equal(0.3m, NumberText.Parse(file.Rows[0].Target));
        Assert.Equal(new ScoreFileRow(3, "2023", "Colaboración", "No aplica", "80", null), file.Rows[1]);
    }

    [Fact]
    public async Task ReadAsync_XlsxWithASheetNamedPuntajes_ReadsThatSheet()
    {
        var bytes = ScoreFiles.Xlsx(new Dictionary<string, object>
        {
            ["Notas"] = ScoreFiles.Sheet(["Nota"], [["no es esta hoja"]]),
            ["Puntajes"] = ScoreFiles.Sheet(Header, [[2023, "Transparencia", 40]]),
        });

        var file = await ReadAsync(bytes, "puntajes.xlsx");

        Assert.Equal([new ScoreFileRow(2, "2023", "Transparencia", "40", null, null)], file.Rows);
    }

    [Fact]
    public async Task ReadAsync_XlsxWithoutPuntajesSheet_ReadsTheFirstSheet()
    {
        var bytes = ScoreFiles.Xlsx(new Dictionary<string, object>
        {
            ["Datos"] = ScoreFiles.Sheet(Header, [[2023, "Transparencia", 40]]),
            ["Otra"] = ScoreFiles.Sheet(["Nota"], [["no es esta hoja"]]),
        });

        var file = await ReadAsync(bytes, "puntajes.xlsx");

        Assert.Equal("Transparencia", Assert.Single(file.Rows).Category);
    }

    [Fact]
    public async Task ReadAsync_XlsxWithEmptyRowsAndNeutralisedFormula_SkipsRowsKeepsNumbersAndRemovesApostrophe()
    {
        var bytes = ScoreFiles.Xlsx([.. Header, ScoreColumns.Observation], [2023, "Transparencia", 40, "'=HIPERVINCULO(\"x\")"], [null, null, null, null], [2023, "Colaboración", 0, null]);

        var file = await ReadAsync(bytes, "puntajes.xlsx");

        Assert.Equal([2, 4], file.Rows.Select(r => r.RowNumber));
        Assert.Equal("=HIPERVINCULO(\"x\")", file.Rows[0].Observation);
    }

    [Theory]
    [InlineData("puntajes.xls")]
    [InlineData("puntajes.txt")]
    [InlineData("puntajes")]
    [InlineData("puntajes.csv.exe")]
    public async Task ReadAsync_OtherExtension_Refused(string fileName)
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Categoría;Puntaje\n2023;Transparencia;40\n"), fileName);

        Assert.Equal([ScoreFileReader.UnsupportedExtension], errors);
    }

    [Fact]
    public async Task ReadAsync_UpperCaseExtension_Accepted()
    {
        var file = await ReadAsync(ScoreFiles.Utf8("Vigencia;Categoría;Puntaje\n2023;Transparencia;40\n"), "PUNTAJES.CSV");

        Assert.Single(file.Rows);
    }

    [Fact]
    public async Task ReadAsync_ReportedSizeOverTheLimit_RefusedWithTheSizeAndNothingRead()
    {
        var content = new CountingStream();

        var read = await ScoreFileReader.ReadAsync(content, "grande.xlsx", 6_501_171, Ct);

        Assert.Equal(["El archivo pesa 6,2 MB; el máximo es 5 MB."], read.Errors);
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_StreamLongerThanReported_ReadsAtMostTheLimitAndOneByte()
    {
        var content = new CountingStream();

        var read = await ScoreFileReader.ReadAsync(content, "grande.csv", 100, Ct);

        Assert.Equal(["El archivo pesa 5,1 MB; el máximo es 5 MB."], read.Errors);
        Assert.Equal(ScoreFileReader.MaxBytes + 1, content.BytesRead);
    }

    [Fact]
    public void TooLarge_JustOverTheLimit_NeverShowsTheLimitItself()
    {
        Assert.Equal("El archivo pesa 5,1 MB; el máximo es 5 MB.", ScoreFileReader.TooLarge(ScoreFileReader.MaxBytes + 1));
    }

    [Theory]
    [InlineData("vacio.csv", "")]
    [InlineData("vacio.csv", "\uFEFF")]
    [InlineData("vacio.csv", " \r\n\r\n ")]
    [InlineData("vacio.csv", ";;\r\n;;\r\n")]
    [InlineData("vacio.xlsx", "")]
    public async Task ReadAsync_EmptyFile_Refused(string fileName, string text)
    {
        var errors = await ErrorsAsync(Encoding.UTF8.GetBytes(text), fileName);

        Assert.Equal([ScoreFileReader.EmptyFile], errors);
    }

    [Fact]
    public async Task ReadAsync_XlsxWithoutRows_RefusedAsEmpty()
    {
        var errors = await ErrorsAsync(ScoreFiles.Xlsx(new Dictionary<string, object> { ["Puntajes"] = new List<Dictionary<string, object?>>() }), "vacio.xlsx");

        Assert.Equal([ScoreFileReader.EmptyFile], errors);
    }

    [Theory]
    [InlineData("puntajes.csv")]
    [InlineData("puntajes.xlsx")]
    public async Task ReadAsync_OnlyTheHeader_RefusedForLackOfRows(string fileName)
    {
        var bytes = fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? ScoreFiles.Utf8("Vigencia;Categoría;Puntaje\r\n;;\r\n")
            : ScoreFiles.Xlsx(Header, new object?[] { null, null, null });

        var errors = await ErrorsAsync(bytes, fileName);

        Assert.Equal([ScoreFileReader.NoDataRows], errors);
    }

    [Theory]
    [InlineData("Vigencia;Categoría;Puntaje\n2023;Transparencia;40\n")]
    [InlineData("PK\u0003\u0004 esto no es un zip de verdad")]
    public async Task ReadAsync_XlsxThatIsNotAWorkbook_Refused(string content)
    {
        var errors = await ErrorsAsync(Encoding.UTF8.GetBytes(content), "puntajes.xlsx");

        Assert.Equal([ScoreFileReader.NotAWorkbook], errors);
    }

    [Fact]
    public async Task ReadAsync_CsvNotInUtf8_RefusedWithHowToSaveIt()
    {
        var latin1 = Encoding.Latin1.GetBytes("Vigencia;Categoría;Puntaje\n2023;Información;40\n");

        var errors = await ErrorsAsync(latin1, "puntajes.csv");

        Assert.Equal([ScoreFileReader.NotUtf8], errors);
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredColumns_NamesThem()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Categoría;Meta\nTransparencia;80\n"), "puntajes.csv");

        Assert.Equal(["Faltan las columnas obligatorias «Vigencia» y «Puntaje». La fila 1 debe tener los nombres de las columnas."], errors);
    }

    [Fact]
    public async Task ReadAsync_OneMissingColumn_NamesIt()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Categoría\n2023;Transparencia\n"), "puntajes.csv");

        Assert.Equal(["Falta la columna obligatoria «Puntaje». La fila 1 debe tener los nombres de las columnas."], errors);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumns_NamesThemAndListsTheValidOnes()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Categoría;Puntaje;Nota;Responsable\n2023;Transparencia;40;x;y\n"), "puntajes.csv");

        var error = Assert.Single(errors);
        Assert.StartsWith("Las columnas «Nota» y «Responsable» no se reconocen. Las columnas válidas son Vigencia, Categoría y Puntaje (obligatorias), Meta y Observación (opcionales)", error, StringComparison.Ordinal);
        Assert.Contains("Componente, Peso, Brecha", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RepeatedColumn_NamesItAndItsLetters()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Categoría;Puntaje;puntaje\n2023;Transparencia;40;50\n"), "puntajes.csv");

        Assert.Equal(["La columna «Puntaje» está repetida (columnas C y D)."], errors);
    }

    [Fact]
    public async Task ReadAsync_DataUnderAColumnWithoutName_Refused()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Categoría;Puntaje\n2023;Transparencia;40;olvidado\n"), "puntajes.csv");

        Assert.Equal(["La columna D tiene datos pero no tiene nombre en la fila 1."], errors);
    }

    [Fact]
    public async Task ReadAsync_SeveralHeaderProblems_ReportsThemAll()
    {
        var errors = await ErrorsAsync(ScoreFiles.Utf8("Vigencia;Vigencia;Nota\n2023;2023;x\n"), "puntajes.csv");

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("Faltan las columnas obligatorias «Categoría» y «Puntaje».", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("La columna «Nota» no se reconoce.", errors[1], StringComparison.Ordinal);
        Assert.Equal("La columna «Vigencia» está repetida (columnas A y B).", errors[2]);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnLetter_Index_IsTheSpreadsheetLetter(int index, string expected)
    {
        Assert.Equal(expected, ScoreFileReader.ColumnLetter(index));
    }

    private static async Task<ScoreFile> ReadAsync(byte[] bytes, string fileName)
    {
        var read = await ScoreFiles.ReadAsync(bytes, fileName);
        Assert.True(read.Succeeded, string.Join(" | ", read.Errors));
        return read.File!;
    }

    private static async Task<IReadOnlyList<string>> ErrorsAsync(byte[] bytes, string fileName)
    {
        var read = await ScoreFiles.ReadAsync(bytes, fileName);
        Assert.Null(read.File);
        return read.Errors;
    }

    /// <summary>An endless stream of 'a' that counts how much was read from it.</summary>
    private sealed class CountingStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
