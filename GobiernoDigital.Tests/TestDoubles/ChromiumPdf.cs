using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// Reads what a test needs from a PDF that Chromium printed (<c>page.PdfAsync</c>): how many pages it has and the
/// text of each page. Not a general PDF reader: it relies on how Chromium (Skia) writes PDFs, and says so when a file
/// does not look like that.
/// </summary>
/// <remarks>
/// <para>Skia writes every object uncompressed at the top level (no object streams), so a page is an object whose
/// dictionary says <c>/Type /Page</c> (the tree's nodes say <c>/Type /Pages</c>).</para>
/// <para>Page content streams are <c>FlateDecode</c>d (decompressed with <see cref="ZLibStream"/>), and text is drawn
/// as glyph ids in hex strings (<c>&lt;0013002A&gt; Tj</c> or inside a <c>TJ</c> array) of Type0 fonts whose
/// <c>/ToUnicode</c> CMap maps each glyph id to its characters. A text object (<c>BT … ET</c>) ends a line.</para>
/// </remarks>
public sealed partial class ChromiumPdf
{
    private readonly Dictionary<int, (string Dictionary, byte[]? Stream)> _objects;

    private ChromiumPdf(Dictionary<int, (string Dictionary, byte[]? Stream)> objects) => _objects = objects;

    /// <summary>Reads <paramref name="pdf"/>; fails when it is not a PDF with pages.</summary>
    public static ChromiumPdf Read(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        if (!text.StartsWith("%PDF-", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a PDF: the file does not start with %PDF-.");
        }

        if (text.Contains("/ObjStm", StringComparison.Ordinal))
        {
            throw new InvalidDataException("The PDF keeps objects in object streams: this reader only knows Chromium's uncompressed object layout.");
        }

        var objects = new Dictionary<int, (string, byte[]?)>();
        foreach (Match match in ObjectPattern().Matches(text))
        {
            var body = match.Groups["body"].Value;
            var streamStart = StreamStartPattern().Match(body);
            if (!streamStart.Success)
            {
                objects[int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture)] = (body, null);
                continue;
            }

            var dictionary = body[..streamStart.Index];
            var end = body.LastIndexOf("endstream", StringComparison.Ordinal);
            var raw = Encoding.Latin1.GetBytes(body[(streamStart.Index + streamStart.Length)..end]);
            var stream = dictionary.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(raw) : raw;
            objects[int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture)] = (dictionary, stream);
        }

        var pdfDocument = new ChromiumPdf(objects);
        if (pdfDocument.PageIds.Count == 0)
        {
            throw new InvalidDataException("The PDF has no /Type /Page object.");
        }

        return pdfDocument;
    }

    /// <summary>The number of <c>/Type /Page</c> objects (the leaves of the page tree).</summary>
    public int PageCount => PageIds.Count;

    /// <summary>What the root of the page tree declares (<c>/Count</c>): a second, independent count to check against <see cref="PageCount"/>.</summary>
    public int DeclaredPageCount => _objects.Values
        .Where(o => PagesNodePattern().IsMatch(o.Dictionary))
        .Select(o => CountPattern().Match(o.Dictionary))
        .Where(m => m.Success)
        .Max(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>The text of each page, in page order, a line per text object.</summary>
    public IReadOnlyList<string> PageTexts => PageIds.Select(PageText).ToList();

    private List<int> PageIds => _objects
        .Where(o => PageObjectPattern().IsMatch(o.Value.Dictionary))
        .Select(o => o.Key)
        .Order()
        .ToList();

    private string PageText(int pageId)
    {
        var page = _objects[pageId].Dictionary;
        var fonts = new Dictionary<string, IReadOnlyDictionary<int, string>>();
        var fontList = FontResourcesPattern().Match(page);
        if (fontList.Success)
        {
            foreach (Match font in ReferencePattern().Matches(fontList.Groups[1].Value))
            {
                var toUnicode = ToUnicodePattern().Match(Dictionary(Id(font.Groups[2].Value)));
                fonts[font.Groups[1].Value] = toUnicode.Success ? ToUnicodeMap(Id(toUnicode.Groups[1].Value)) : new Dictionary<int, string>();
            }
        }

        var text = new StringBuilder();
        foreach (Match contents in ReferencePattern().Matches(ContentsPattern().Match(page).Groups[1].Value))
        {
            var content = Encoding.Latin1.GetString(_objects[Id(contents.Groups[2].Value)].Stream ?? []);
            IReadOnlyDictionary<int, string> current = new Dictionary<int, string>();
            foreach (Match op in TextOperatorPattern().Matches(content))
            {
                if (op.Groups["font"].Success)
                {
                    current = fonts.GetValueOrDefault(op.Groups["font"].Value) ?? new Dictionary<int, string>();
                }
                else if (op.Groups["shown"].Success)
                {
                    foreach (Match hex in HexStringPattern().Matches(op.Groups["shown"].Value))
                    {
                        var glyphs = hex.Groups[1].Value;
                        for (var i = 0; i + 4 <= glyphs.Length; i += 4)
                        {
                            text.Append(current.GetValueOrDefault(int.Parse(glyphs.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), "\uFFFD"));
                        }
                    }
                }
                else
                {
                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private Dictionary<int, string> ToUnicodeMap(int id)
    {
        var cmap = Encoding.Latin1.GetString(_objects[id].Stream ?? []);
        var map = new Dictionary<int, string>();
        foreach (Match block in BfCharBlockPattern().Matches(cmap))
        {
            foreach (Match pair in BfCharPattern().Matches(block.Groups[1].Value))
            {
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRangeBlockPattern().Matches(cmap))
        {
            foreach (Match range in BfRangePattern().Matches(block.Groups[1].Value))
            {
                var (first, last, start) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var glyph = first; glyph <= last; glyph++)
                {
                    map[glyph] = char.ConvertFromUtf32(start + glyph - first);
                }
            }
        }

        return map;
    }

    private string Dictionary(int id) => _objects[id].Dictionary;

    private static int Id(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    private static byte[] Inflate(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"(?<id>\d+) 0 obj\s*(?<body>.*?)endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"stream\r?\n")]
    private static partial Regex StreamStartPattern();

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObjectPattern();

    [GeneratedRegex(@"/Type\s*/Pages\b")]
    private static partial Regex PagesNodePattern();

    [GeneratedRegex(@"/Count\s+(\d+)")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"/Font\s*<<(.*?)>>", RegexOptions.Singleline)]
    private static partial Regex FontResourcesPattern();

    [GeneratedRegex(@"/Contents\s*(\[.*?\]|\d+ 0 R)", RegexOptions.Singleline)]
    private static partial Regex ContentsPattern();

    [GeneratedRegex(@"(?:/([\w.+-]+)\s+)?\b(\d+) 0 R")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/ToUnicode\s+(\d+) 0 R")]
    private static partial Regex ToUnicodePattern();

    [GeneratedRegex(@"/(?<font>[\w.+-]+)\s+[\d.]+\s+Tf|(?<shown>\[[^\]]*\])\s*TJ|(?<shown><[0-9A-Fa-f]*>)\s*Tj|\bET\b")]
    private static partial Regex TextOperatorPattern();

    [GeneratedRegex(@"<([0-9A-Fa-f]*)>")]
    private static partial Regex HexStringPattern();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfCharBlockPattern();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex BfCharPattern();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRangeBlockPattern();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex BfRangePattern();
}
