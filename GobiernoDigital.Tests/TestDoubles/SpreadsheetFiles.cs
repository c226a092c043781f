using CsvHelper;
using GobiernoDigital.Core.Export;
using MiniExcelLibs;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>Reads the files the app produces back, as a spreadsheet or an importer would.</summary>
public static class SpreadsheetFiles
{
    /// <summary>The bytes of <paramref name="document"/> written as <paramref name="format"/>.</summary>
    public static byte[] Write(ISpreadsheetDocument document, SpreadsheetFormat format)
    {
        using var stream = new MemoryStream();
        document.Write(stream, format);
        return stream.ToArray();
    }

    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.GetSheetNames(stream);
    }

    /// <summary>The header row of a sheet, in order.</summary>
    public static IReadOnlyList<string> Headers(byte[] xlsx, string sheet) =>
        Cells(xlsx, sheet)[0].Select(c => c?.ToString() ?? string.Empty).ToList();

    /// <summary>The data rows of a sheet, keyed by header. Numbers come back as <see cref="double"/>, empty cells as null.</summary>
    public static IReadOnlyList<IDictionary<string, object?>> Rows(byte[] xlsx, string sheet)
    {
        var cells = Cells(xlsx, sheet);
        var headers = cells[0].Select(c => c?.ToString() ?? string.Empty).ToList();
        return cells.Skip(1)
            .Select(row => (IDictionary<string, object?>)headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2))
            .ToList();
    }

    /// <summary>Every record of a CSV, the header first, with the spreadsheet downloads' separator (or another).</summary>
    public static IReadOnlyList<string[]> CsvRecords(byte[] csv, char separator = ';')
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = separator, HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        return records;
    }

    private static List<object?[]> Cells(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.ToArray())
            .ToList();
    }
}
