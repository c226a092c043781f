using System.Text.Json.Nodes;
using GobiernoDigital.Core.Seeding;

namespace GobiernoDigital.Tests.Core;

/// <summary>The real seed file copied into the test output, and altered copies of it in the temp folder.</summary>
internal static class SeedFiles
{
    /// <summary>data/plan-de-mejoramiento-TI.PL03.json as the app ships it.</summary>
    public static string Real { get; } = Path.Combine(AppContext.BaseDirectory, "data", SeedLoader.DefaultFileName);

    /// <summary>A copy of the real seed with <paramref name="change"/> applied, deleted when disposed.</summary>
    public static TemporarySeedFile Variant(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(Real))!.AsObject();
        change(root);
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return new TemporarySeedFile(path);
    }

    /// <summary>A path under the temp folder where no file exists.</summary>
    public static string Missing() => Path.Combine(Path.GetTempPath(), $"no-seed-{Guid.NewGuid():N}.json");

    /// <summary>The first score of vigencia 2023 (Transparencia) points at a category that is not in the catalog.</summary>
    public static void UnknownCategoryInScores(JsonObject root) =>
        root["mediciones"]![0]!["puntajes"]![0]!["categoria"] = "Categoría inventada";
}

internal sealed class TemporarySeedFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => File.Delete(Path);
}
