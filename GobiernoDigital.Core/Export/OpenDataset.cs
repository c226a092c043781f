using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CsvHelper;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using F = GobiernoDigital.Core.Export.OpenDataFields;

namespace GobiernoDigital.Core.Export;

/// <summary>The entity the open data belongs to.</summary>
public sealed record OpenDataEntity(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("nit")] string Nit);

/// <summary>The licence the entity publishes the data under.</summary>
public sealed record OpenDataLicence(
    [property: JsonPropertyName("nombre")] string Name,
    [property: JsonPropertyName("url")] string Url);

/// <summary>A category in a vigencia, as published.</summary>
/// <remarks>Numbers are exact (scores and metas have at most one decimal); absent values are null.</remarks>
public sealed record OpenDataCategory(
    [property: JsonPropertyName(F.Component)] string Component,
    [property: JsonPropertyName(F.Category)] string Category,
    [property: JsonPropertyName(F.Weight)] decimal Weight,
    [property: JsonPropertyName(F.Score)] decimal? Score,
    [property: JsonPropertyName(F.Status)] string Status,
    [property: JsonPropertyName(F.Target)] decimal Target,
    [property: JsonPropertyName(F.Gap)] decimal? Gap,
    [property: JsonPropertyName(F.PeerAverage)] decimal? PeerAverage);

/// <summary>A measured vigencia, as published: its figure, the sums behind it, where it comes from, and its categories.</summary>
/// <remarks><b>Percentage</b>: rounded half away from zero to two decimals; the exact value is WeightedSum / WeightSum.</remarks>
public sealed record OpenDataVigencia(
    [property: JsonPropertyName(F.Vigencia)] int Vigencia,
    [property: JsonPropertyName(F.Percentage)] decimal? Percentage,
    [property: JsonPropertyName(F.MeasuredCategories)] int MeasuredCategories,
    [property: JsonPropertyName(F.TotalCategories)] int TotalCategories,
    [property: JsonPropertyName(F.WeightedSum)] decimal WeightedSum,
    [property: JsonPropertyName(F.WeightSum)] decimal WeightSum,
    [property: JsonPropertyName(F.Source)] string Source,
    [property: JsonPropertyName(F.MeasurementState)] string State,
    [property: JsonPropertyName(F.Date)] DateOnly? Date,
    [property: JsonPropertyName(F.OfficialIndex)] decimal? OfficialIndex,
    [property: JsonPropertyName(F.Categories)] IReadOnlyList<OpenDataCategory> Categories);

/// <summary>
/// The open dataset (<em>datos abiertos</em>): every measured vigencia with every category that applies to it, its
/// score, meta, gap and peer average, and the vigencia's Porcentaje de Cumplimiento, as the dashboard computes them
/// (<see cref="ScoringSnapshot"/>). Written as CSV (one row per category and vigencia) or JSON (nested).
/// </summary>
/// <remarks>
/// Machine-readable conventions, as datos.gov.co expects: UTF-8 without BOM, <c>,</c> between CSV fields, <c>.</c> as
/// the decimal point, snake_case ASCII names, ISO 8601 dates. Texts are published raw (no formula neutralising: this is
/// not a spreadsheet download) and quoted per RFC 4180. Saved simulator scenarios are never part of it: the snapshot
/// does not read them.
/// </remarks>
public sealed class OpenDataset
{
    /// <summary>The dataset's title.</summary>
    public const string DatasetTitle = "Puntajes de la Política de Gobierno Digital (FURAG)";

    /// <summary>Where the figures come from and who computes which.</summary>
    public const string Origin =
        "Resultados FURAG de la Política de Gobierno Digital (Función Pública), registrados por la entidad. " +
        "El porcentaje de cumplimiento es un indicador propio de la entidad (Σ peso·puntaje ÷ Σ peso sobre las categorías medidas), " +
        "no el índice oficial; el promedio del grupo par es el que publica FURAG.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Accents stay readable; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private OpenDataset(OpenDataEntity? entity, OpenDataLicence licence, DateTime generatedUtc, string? dictionaryUrl, IReadOnlyList<OpenDataVigencia> vigencias)
    {
        Entity = entity;
        Licence = licence;
        GeneratedUtc = generatedUtc;
        DictionaryUrl = dictionaryUrl;
        Vigencias = vigencias;
    }

    [JsonPropertyName(F.Title)]
    public string Title => DatasetTitle;

    [JsonPropertyName(F.Entity)]
    public OpenDataEntity? Entity { get; }

    [JsonPropertyName(F.Origin)]
    public string Source => Origin;

    [JsonPropertyName(F.Licence)]
    public OpenDataLicence Licence { get; }

    /// <summary>When the dataset was generated, UTC, to the second.</summary>
    [JsonPropertyName(F.Generated)]
    public DateTime GeneratedUtc { get; }

    /// <summary>The address of the data dictionary page, when known.</summary>
    [JsonPropertyName(F.Dictionary)]
    public string? DictionaryUrl { get; }

    /// <summary>Every measured vigencia, oldest first.</summary>
    [JsonPropertyName(F.Vigencias)]
    public IReadOnlyList<OpenDataVigencia> Vigencias { get; }

    /// <summary>The dataset of every measurement in <paramref name="snapshot"/>.</summary>
    public static OpenDataset Create(ScoringSnapshot snapshot, OpenDataEntity? entity, OpenDataLicence licence, DateTimeOffset generated, string? dictionaryUrl = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var vigencias = snapshot.Measurements
            .OrderBy(m => m.Vigencia)
            .Select(measurement =>
            {
                var report = snapshot.ReportFor(measurement);
                var peers = snapshot.PeerComparisonFor(measurement.Vigencia);
                return new OpenDataVigencia(
                    measurement.Vigencia,
                    report.Percentage is { } p ? Plain(decimal.Round(p, 2, MidpointRounding.AwayFromZero)) : null,
                    report.Coverage.Measured,
                    report.Coverage.Total,
                    Plain(report.WeightedSum),
                    Plain(report.WeightSum),
                    measurement.Source == MeasurementSource.Autodiagnostico ? F.SelfAssessment : F.OfficialResult,
                    measurement.State == MeasurementState.Definitiva ? F.Final : F.Provisional,
                    measurement.Date,
                    Plain(measurement.OfficialIndex),
                    report.Categories.Select(c => new OpenDataCategory(
                        c.Category.ComponentName,
                        c.Category.Name,
                        Plain(c.Category.Weight),
                        Plain(c.Score.Value),
                        StatusName(c.Score.Status),
                        Plain(c.Category.Target),
                        Plain(c.Gap),
                        Plain(peers.AverageOf(c.Category.CategoryId)))).ToList());
            })
            .ToList();
        var generatedUtc = generated.UtcDateTime;
        generatedUtc = new DateTime(generatedUtc.Ticks - (generatedUtc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return new OpenDataset(entity, licence, generatedUtc, dictionaryUrl, vigencias);
    }

    /// <summary>The value of <see cref="OpenDataFields.Status"/> for a score status.</summary>
    public static string StatusName(ScoreStatus status) => status switch
    {
        ScoreStatus.Measured => F.Measured,
        ScoreStatus.NotApplicable => F.NotApplicable,
        _ => F.NotMeasured,
    };

    /// <summary>
    /// One row per category and vigencia with the vigencia's fields repeated, header <see cref="OpenDataFields.CsvHeader"/>:
    /// UTF-8 without BOM, <c>,</c> separator, <c>.</c> decimal point, CRLF, RFC 4180 quoting, empty for null.
    /// </summary>
    public void WriteCsv(Stream stream)
    {
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ',', WriteByteOrderMark = false, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        foreach (var name in F.CsvHeader)
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        foreach (var vigencia in Vigencias)
        {
            foreach (var category in vigencia.Categories)
            {
                string?[] fields =
                [
                    Text(vigencia.Vigencia),
                    category.Component,
                    category.Category,
                    Text(category.Weight),
                    Text(category.Score),
                    category.Status,
                    Text(category.Target),
                    Text(category.Gap),
                    Text(category.PeerAverage),
                    Text(vigencia.Percentage),
                    Text(vigencia.MeasuredCategories),
                    Text(vigencia.TotalCategories),
                    Text(vigencia.WeightedSum),
                    Text(vigencia.WeightSum),
                    vigencia.Source,
                    vigencia.State,
                    vigencia.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Text(vigencia.OfficialIndex),
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }
    }

    /// <summary>The dataset as indented JSON in UTF-8 without BOM; absent values are <c>null</c>.</summary>
    public void WriteJson(Stream stream) => JsonSerializer.Serialize(stream, this, JsonOptions);

    /// <summary>The bytes of <see cref="WriteCsv"/>.</summary>
    public byte[] ToCsv() => Bytes(WriteCsv);

    /// <summary>The bytes of <see cref="WriteJson"/>.</summary>
    public byte[] ToJson() => Bytes(WriteJson);

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    // 40.0m and 40m are the same number: publish it without trailing zeros ("40", "45.5").
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Plain(decimal? value) => value is { } v ? Plain(v) : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
