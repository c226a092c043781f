using System.Text.Json;
using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Seeding;

/// <summary>What the seed file turns into: the domain objects, not yet saved.</summary>
public sealed record SeedData(
    PublicEntity Entity,
    IReadOnlyList<Component> Components,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Measurement> Measurements,
    ImprovementPlan? Plan);

/// <summary>Reads a seed file of <c>data/</c> (format documented in <c>data/README.md</c>) into domain objects.</summary>
/// <remarks>Every reference is checked: an unknown category or value stops the seed with a Spanish message naming it.</remarks>
public static class SeedLoader
{
    /// <summary>The seed file shipped with the app: the Cartago plan TI.PL03.</summary>
    public const string DefaultFileName = "plan-de-mejoramiento-TI.PL03.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // A missing key or a null where the format requires a value is an error with a message, not a crash later.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static SeedDocument ReadDocument(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException($"El archivo semilla «{path}» está vacío.");
    }

    public static SeedData Load(string path)
    {
        try
        {
            return Build(ReadDocument(path));
        }
        catch (Exception ex) when (ex is JsonException or DomainException or InvalidDataException)
        {
            throw new InvalidDataException($"El archivo semilla «{Path.GetFileName(path)}» no es válido: {ex.Message}", ex);
        }
    }

    public static SeedData Build(SeedDocument document)
    {
        if (document.Format != 1)
        {
            throw new InvalidDataException($"Formato de datos semilla no soportado: {document.Format}.");
        }

        var entity = new PublicEntity(document.Entity.Name, document.Entity.Nit);
        var components = new List<Component>();
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (seedComponent, index) in document.Components.Select((c, i) => (c, i)))
        {
            var component = new Component(seedComponent.Name, index + 1);
            components.Add(component);
            foreach (var seedCategory in seedComponent.Categories)
            {
                var kind = TryParseName<CategoryKind>(seedCategory.Kind, out var k)
                    ? k
                    : throw new InvalidDataException($"Tipo de categoría desconocido «{seedCategory.Kind}» en «{seedCategory.Name}».");
                var category = new Category(seedCategory.Name, seedCategory.ShortLabel, kind, component, ++order, nameInPlan: seedCategory.NameInPlan);
                if (!categories.TryAdd(category.Name, category))
                {
                    throw new InvalidDataException($"La categoría «{category.Name}» está repetida.");
                }
            }
        }

        Category Find(string name) => categories.TryGetValue(name, out var c)
            ? c
            : throw new InvalidDataException($"La categoría «{name}» no está en el catálogo.");

        var measurements = new List<Measurement>();
        foreach (var seedMeasurement in document.Measurements)
        {
            var source = TryParseName<MeasurementSource>(seedMeasurement.Source, out var s)
                ? s
                : throw new InvalidDataException($"Fuente de medición desconocida «{seedMeasurement.Source}».");
            var measurement = new Measurement(seedMeasurement.Vigencia, seedMeasurement.Date, source, seedMeasurement.OfficialIndex);
            foreach (var seedScore in seedMeasurement.Scores)
            {
                measurement.SetScore(Find(seedScore.Category), ToScore(seedScore));
            }

            measurements.Add(measurement);
        }

        ImprovementPlan? plan = null;
        if (document.Plan is { } p)
        {
            plan = new ImprovementPlan(
                p.Title, p.Code, p.Version, p.ApprovedOn, p.MeasuredVigencia,
                p.PreparedBy.Name, p.PreparedBy.Role, p.PreparedBy.Date,
                p.ApprovedBy.Body, p.ApprovedBy.Act);
            foreach (var f in p.Findings)
            {
                plan.AddFinding(
                    Find(f.Category),
                    f.RowScore,
                    f.Alternatives,
                    f.Improvements,
                    f.ImprovementsNotApplicable,
                    f.Deadline is { } d ? new DateRange(d.Start, d.End) : null,
                    f.EffectivenessNote).AddActionsFromImprovements();
            }
        }

        return new SeedData(entity, components, categories.Values.OrderBy(c => c.DisplayOrder).ToList(), measurements, plan);
    }

    // Only the documented names: Enum.TryParse alone also takes numbers ("1", "7"), even ones no member has.
    private static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, out value);
    }

    private static Score ToScore(SeedScore seed) => seed.Status switch
    {
        null or "Medido" when seed.Value is { } v => Score.Measured(v),
        "NoAplica" when seed.Value is null => Score.NotApplicable,
        "SinMedicion" when seed.Value is null => Score.NotMeasured,
        _ => throw new InvalidDataException(
            $"Puntaje no válido para «{seed.Category}»: use «puntaje» con un número, o «estado» NoAplica / SinMedicion sin puntaje."),
    };
}
