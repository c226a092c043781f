using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// Reads the cells of one sheet of an .xlsx workbook as text, within the limits of <see cref="ImportLimits"/>, streaming
/// the XML so that the work and the memory grow with the file, never with what it declares.
/// </summary>
/// <remarks>
/// A workbook is a zip of XML parts. Before anything is decompressed, the number of parts and their declared sizes are
/// checked; while decompressing, a part that yields more than it declared is stopped. The XML is read with DTDs
/// prohibited and no resolver (no entity expansion, no external file), the declared <c>&lt;dimension&gt;</c> is ignored,
/// and only cells with a value count: a styled empty cell far to the right or below does not make the sheet large.
/// Numbers keep their value; date styles are not applied (the columns import reads hold no dates). Nothing is written
/// to disk.
/// </remarks>
internal static class WorkbookSheetReader
{
    private const string RelationshipsNamespaceSuffix = "/relationships";

    /// <summary>The rows of the sheet named «Puntajes» (accents and case ignored), or of the first sheet; row i is spreadsheet row i + 1.</summary>
    /// <exception cref="ImportLimitException">A limit is exceeded; its message says which, in Spanish.</exception>
    /// <exception cref="InvalidDataException">Not a zip, or a part is damaged.</exception>
    /// <exception cref="XmlException">A part is not well-formed XML, or has a DTD.</exception>
    /// <exception cref="FormatException">A part is missing or a reference is malformed.</exception>
    public static List<string?[]>? ReadRows(byte[] bytes, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        CheckParts(zip);

        var workbookPath = Relationships(zip, "_rels/.rels", string.Empty)
            .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
        var workbookFolder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : string.Empty;
        var workbookName = workbookPath[workbookFolder.Length..];
        var relationships = Relationships(zip, $"{workbookFolder}_rels/{workbookName}.rels", workbookFolder);

        var sheets = Sheets(zip, workbookPath);
        var sheet = sheets.FirstOrDefault(s => Validation.ScoreCell.Normalize(s.Name) == "puntajes");
        if (sheet == default)
        {
            sheet = sheets.FirstOrDefault();
        }

        if (sheet == default)
        {
            return null;
        }

        var sheetPath = relationships.FirstOrDefault(r => r.Id == sheet.RelationshipId).Target
            ?? throw new FormatException("The sheet has no part.");
        var sharedStringsPath = relationships.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var sharedStrings = sharedStringsPath is null || zip.GetEntry(sharedStringsPath) is null
            ? []
            : SharedStrings(zip, sharedStringsPath, cancellationToken);
        return SheetRows(zip, sheetPath, sharedStrings, cancellationToken);
    }

    /// <summary>Refuses, before decompressing anything, a zip with too many parts or too much declared content.</summary>
    private static void CheckParts(ZipArchive zip)
    {
        if (zip.Entries.Count > ImportLimits.MaxWorkbookParts)
        {
            throw new ImportLimitException(ImportLimits.WorkbookTooLarge);
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > ImportLimits.MaxUncompressedBytes || total > ImportLimits.MaxUncompressedBytes)
            {
                throw new ImportLimitException(ImportLimits.WorkbookTooLarge);
            }
        }
    }

    private static XmlReader OpenXml(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new FormatException($"Missing part {path}.");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ImportLimits.MaxUncompressedBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        // The declared size was checked; a part that decompresses to more than it declared is a lie, stopped here.
        return XmlReader.Create(new BoundedStream(entry.Open(), entry.Length), settings);
    }

    private static List<(string Id, string Type, string Target)> Relationships(ZipArchive zip, string path, string folder)
    {
        var list = new List<(string, string, string)>();
        if (zip.GetEntry(path) is null)
        {
            return list;
        }

        using var reader = OpenXml(zip, path);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("TargetMode") != "External")
            {
                list.Add((reader.GetAttribute("Id") ?? string.Empty, reader.GetAttribute("Type") ?? string.Empty, Resolve(folder, reader.GetAttribute("Target") ?? string.Empty)));
            }
        }

        return list;
    }

    /// <summary>A relationship's target as a path inside the zip: absolute ("/xl/…") or relative to the part's folder ("../").</summary>
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static List<(string Name, string RelationshipId)> Sheets(ZipArchive zip, string workbookPath)
    {
        var sheets = new List<(string, string)>();
        using var reader = OpenXml(zip, workbookPath);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
            {
                string? id = null;
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName == "id" && reader.NamespaceURI.EndsWith(RelationshipsNamespaceSuffix, StringComparison.Ordinal))
                    {
                        id = reader.Value;
                    }
                }

                reader.MoveToElement();
                sheets.Add((reader.GetAttribute("name") ?? string.Empty, id ?? string.Empty));
            }
        }

        return sheets;
    }

    private static List<string> SharedStrings(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        long characters = 0;
        using var reader = OpenXml(zip, path);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (strings.Count >= ImportLimits.MaxSharedStrings)
                {
                    throw new ImportLimitException(ImportLimits.WorkbookTooLarge);
                }

                var text = RichText(reader, cell: null);
                characters += text.Length;
                if (characters > ImportLimits.MaxSharedStringCharacters)
                {
                    throw new ImportLimitException(ImportLimits.WorkbookTooLarge);
                }

                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>
    /// The text of a string item (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>): its <c>&lt;t&gt;</c> elements, runs included,
    /// phonetic hints left out. The reader ends on the item's end element.
    /// </summary>
    private static string RichText(XmlReader reader, string? cell)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                AppendText(reader, text, cell);
            }
            else if (!reader.Read())
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends the text of the element the reader is on (<c>&lt;t&gt;</c> or <c>&lt;v&gt;</c>) in chunks, so that a
    /// text longer than a cell may be is refused after <see cref="ImportLimits.MaxCellLength"/> characters, never held
    /// whole. The reader ends past the element.
    /// </summary>
    private static void AppendText(XmlReader reader, StringBuilder text, string? cell)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        var chunk = ArrayPool<char>.Shared.Rent(1024); // one a text would be 2 KB for each of 100 000 shared strings
        try
        {
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                        if (text.Length > ImportLimits.MaxCellLength)
                        {
                            throw new ImportLimitException(ImportLimits.CellTooLong(cell));
                        }
                    }
                }

                if (!reader.Read())
                {
                    return;
                }
            }

            reader.Read(); // past the end element
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    private static List<string?[]> SheetRows(ZipArchive zip, string path, List<string> sharedStrings, CancellationToken cancellationToken)
    {
        var rows = new List<string?[]>();
        var nextRow = 1;
        using var reader = OpenXml(zip, path);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var rowNumber = reader.GetAttribute("r") is { } r ? ParseRowNumber(r, nextRow) : nextRow;
            nextRow = rowNumber + 1;
            var cells = RowCells(reader, rowNumber, sharedStrings);
            if (cells is null)
            {
                // No cell with a value: however far down, the row adds nothing.
                continue;
            }

            if (rowNumber - 1 > ImportLimits.MaxDataRows)
            {
                throw new ImportLimitException(ImportLimits.TooManyRows);
            }

            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int ParseRowNumber(string text, int nextRow)
    {
        // Rows come in order; a number that goes back or is not a number is a damaged sheet.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < nextRow)
        {
            throw new FormatException("Bad row number.");
        }

        return number;
    }

    /// <summary>The cells of a row with a value, by column; null when none has one. The reader ends on the row's end.</summary>
    private static string?[]? RowCells(XmlReader reader, int rowNumber, List<string> sharedStrings)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var cells = new string?[ImportLimits.MaxColumns];
        var width = 0;
        var nextColumn = 0;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                if (!reader.Read())
                {
                    break;
                }

                continue;
            }

            var column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : nextColumn;
            nextColumn = column + 1;
            var value = CellValue(reader, reader.GetAttribute("t"), $"{ScoreFileReader.ColumnLetter(Math.Min(column, 16_383))}{rowNumber}", sharedStrings);
            if (value is null)
            {
                continue;
            }

            if (column >= ImportLimits.MaxColumns)
            {
                throw new ImportLimitException(ImportLimits.TooManyColumns);
            }

            cells[column] = value;
            width = Math.Max(width, column + 1);
        }

        return width == 0 ? null : cells[..width];
    }

    /// <summary>The column of a cell reference: "C12" → 2. Letters beyond the sheet's last column (XFD) are damage.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                if (++letters > 3)
                {
                    throw new FormatException("Bad cell reference.");
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? throw new FormatException("Bad cell reference.") : column - 1;
    }

    /// <summary>The text of a cell, null when it has no value. The reader ends past the cell.</summary>
    private static string? CellValue(XmlReader reader, string? type, string address, List<string> sharedStrings)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        string? value = null;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                var text = new StringBuilder();
                AppendText(reader, text, address);
                value = text.ToString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                value = RichText(reader, address);
                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip(); // a formula (<f>) or an extension: its cached value is in <v>
            }
            else if (!reader.Read())
            {
                break;
            }
        }

        reader.Read(); // past </c>
        return value is null ? null : type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new FormatException("Bad shared string index."),
            "b" => ScoreFileReader.WorkbookCellText(value.Trim() == "1"),
            "inlineStr" or "str" or "e" or "d" => value,
            _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? ScoreFileReader.WorkbookCellText(number)
                : throw new FormatException("Bad number."),
        };
    }

    /// <summary>A read-only stream that stops with <see cref="ImportLimitException"/> once more than <paramref name="limit"/> bytes were read.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new ImportLimitException(ImportLimits.WorkbookTooLarge) : read;
        }
    }
}
