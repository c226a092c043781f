using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// Files built to hurt an importer, made in memory: workbooks whose parts expand hugely, declare more than they hold or
/// carry a DTD, CSV files too wide, too long or in the wrong encoding. bench/hostile-imports uploads the same files.
/// </summary>
/// <remarks>
/// The workbooks are written part by part (not with MiniExcel) so that each part says exactly what the attack needs;
/// <see cref="Workbook"/> with an ordinary sheet is a valid workbook, which the tests check, so a refusal is the limit's
/// and not a broken file's.
/// </remarks>
public static class HostileFiles
{
    /// <summary>The header of an import file and one ordinary row, as sheet XML with inline strings.</summary>
    public const string OrdinaryRows =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>Vigencia</t></is></c><c r="B1" t="inlineStr"><is><t>Categoría</t></is></c><c r="C1" t="inlineStr"><is><t>Puntaje</t></is></c></row>""" +
        """<row r="2"><c r="A2"><v>2023</v></c><c r="B2" t="inlineStr"><is><t>Transparencia</t></is></c><c r="C2"><v>45.5</v></c></row>""";

    /// <summary>
    /// A workbook of one sheet: <paramref name="writeSheetData"/> writes what goes inside <c>&lt;sheetData&gt;</c>, and
    /// <paramref name="writeSharedStrings"/>, when given, the whole shared strings part. <paramref name="beforeSheetData"/>
    /// goes between the worksheet's start and its data (a DOCTYPE before the root, or a <c>&lt;dimension&gt;</c>).
    /// </summary>
    public static byte[] Workbook(
        Action<TextWriter> writeSheetData, Action<TextWriter>? writeSharedStrings = null, string prolog = "", string beforeSheetData = "")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Puntajes" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{beforeSheetData}<sheetData>""");
                writeSheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (writeSharedStrings is not null)
            {
                Part(zip, "xl/sharedStrings.xml", writeSharedStrings);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A zip bomb: a workbook of a few hundred kilobytes whose one shared string is <paramref name="megabytes"/> MB of the
    /// same letter once decompressed, used by the ordinary sheet.
    /// </summary>
    public static byte[] SharedStringsBomb(int megabytes) => Workbook(
        w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
        w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
            var block = new string('a', 1024 * 1024);
            for (var i = 0; i < megabytes; i++)
            {
                w.Write(block);
            }

            w.Write("</t></si></sst>");
        });

    /// <summary>The same bomb, with every declared size rewritten to 1 KB: the zip lies about what it holds.</summary>
    public static byte[] LyingSharedStringsBomb(int megabytes)
    {
        var bytes = SharedStringsBomb(megabytes);
        DeclareUncompressedSizes(bytes, 1024);
        return bytes;
    }

    /// <summary>The ordinary workbook with <paramref name="extra"/> more parts of a few bytes each.</summary>
    public static byte[] ManyParts(int extra)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Workbook(w => w.Write(OrdinaryRows)));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < extra; i++)
            {
                Part(zip, $"xl/media/parte{i}.xml", w => w.Write("<x/>"));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A workbook with <paramref name="count"/> distinct shared strings of a few characters each.</summary>
    public static byte[] ManySharedStrings(int count) => Workbook(
        w => w.Write(OrdinaryRows),
        w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            for (var i = 0; i < count; i++)
            {
                w.Write($"<si><t>t{i}</t></si>");
            }

            w.Write("</sst>");
        });

    /// <summary>A workbook whose sheet declares the whole grid (A1:XFD1048576); <paramref name="cornerValue"/> puts a value in its last cell.</summary>
    public static byte[] HugeDimension(bool cornerValue) => Workbook(
        w =>
        {
            w.Write(OrdinaryRows);
            // A styled empty cell far away, as Excel leaves after formatting a whole column: no value, so it adds nothing.
            w.Write("""<row r="1048575"><c r="XFC1048575" s="1"/></row>""");
            if (cornerValue)
            {
                w.Write("""<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>""");
            }
        },
        beforeSheetData: """<dimension ref="A1:XFD1048576"/>""");

    /// <summary>A workbook whose header has <paramref name="columns"/> named columns.</summary>
    public static byte[] WideWorkbook(int columns) => Workbook(w =>
    {
        w.Write("""<row r="1">""");
        for (var i = 0; i < columns; i++)
        {
            w.Write($"""<c t="inlineStr"><is><t>Columna {i + 1}</t></is></c>""");
        }

        w.Write("</row>");
    });

    /// <summary>A workbook with the header and <paramref name="rows"/> data rows.</summary>
    public static byte[] LongWorkbook(int rows) => Workbook(w =>
    {
        w.Write(OrdinaryRows);
        for (var r = 3; r < rows + 2; r++)
        {
            w.Write($"""<row r="{r}"><c r="A{r}"><v>2023</v></c></row>""");
        }
    });

    /// <summary>
    /// A workbook whose sheet starts with a DOCTYPE declaring entities: nested ones (the «billion laughs») and an external
    /// file.
    /// </summary>
    public static byte[] WorkbookWithDoctype() => Workbook(
        w => w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;&xxe;</t></is></c></row>"""),
        prolog: """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>""");

    /// <summary>A workbook with one cell of <paramref name="length"/> characters (a shared string or an inline one).</summary>
    public static byte[] LongCell(int length, bool shared) => shared
        ? Workbook(
            w => w.Write(OrdinaryRows + """<row r="3"><c r="D3" t="s"><v>0</v></c></row>"""),
            w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{new string('x', length)}</t></si></sst>"""))
        : Workbook(w => w.Write(OrdinaryRows + $"""<row r="3"><c r="D3" t="inlineStr"><is><t>{new string('x', length)}</t></is></c></row>"""));

    /// <summary>CSV whose header has <paramref name="columns"/> named columns, and <paramref name="rows"/> rows as wide.</summary>
    public static byte[] WideCsv(int columns, int rows)
    {
        var text = new StringBuilder("Vigencia;Categoría;Puntaje");
        for (var i = 3; i < columns; i++)
        {
            text.Append(";C").Append(i);
        }

        text.Append('\n');
        var row = "2023;Transparencia;40" + string.Concat(Enumerable.Repeat(";1", columns - 3)) + "\n";
        for (var r = 0; r < rows; r++)
        {
            text.Append(row);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>CSV with the header and <paramref name="rows"/> short data rows.</summary>
    public static byte[] LongCsv(int rows) =>
        Encoding.UTF8.GetBytes("Vigencia;Categoría;Puntaje\n" + string.Concat(Enumerable.Repeat(";;1\n", rows)));

    /// <summary>An ordinary CSV file in UTF-16 (what Excel's «Texto Unicode» writes), byte order mark included.</summary>
    public static byte[] Utf16Csv() =>
        [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Vigencia;Categoría;Puntaje\n2023;Transparencia;40\n")];

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        write(writer);
    }

    /// <summary>Rewrites the uncompressed size of every entry, in the local headers and in the central directory.</summary>
    private static void DeclareUncompressedSizes(byte[] zip, uint size)
    {
        var end = zip.Length - 22; // the end-of-central-directory record, without a comment
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        for (var i = 0; i < entries; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 24), size);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30)) +
                  BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
        }
    }
}
