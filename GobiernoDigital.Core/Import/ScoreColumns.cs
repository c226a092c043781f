using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// The columns of a scores file. Export writes them all; import reads <see cref="Required"/> and <see cref="Optional"/>
/// and skips <see cref="Calculated"/> ones, so an exported file can be imported again as it is. Headers are matched
/// ignoring accents, case and extra spaces.
/// </summary>
public static class ScoreColumns
{
    public const string Vigencia = "Vigencia";
    public const string Component = "Componente";
    public const string Category = "Categoría";
    public const string Weight = "Peso";
    public const string Score = "Puntaje";
    public const string Target = "Meta";
    public const string Gap = "Brecha";
    public const string Observation = "Observación";
    public const string Percentage = "Porcentaje de cumplimiento de la vigencia";
    public const string Coverage = "Cobertura de la vigencia";

    /// <summary>Every column, in the order export writes them.</summary>
    public static IReadOnlyList<string> All { get; } = [Vigencia, Component, Category, Weight, Score, Target, Gap, Observation, Percentage, Coverage];

    /// <summary>Columns an import file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Vigencia, Category, Score];

    /// <summary>Columns an import file may have and import reads.</summary>
    public static IReadOnlyList<string> Optional { get; } = [Target, Observation];

    /// <summary>Columns export writes for people to read; import accepts and ignores them (they are recomputed).</summary>
    public static IReadOnlyList<string> Calculated { get; } = [Component, Weight, Gap, Percentage, Coverage];

    /// <summary>The column a header names, or null when it names none.</summary>
    public static string? Match(string? header)
    {
        var key = ScoreCell.Normalize(header);
        return All.FirstOrDefault(c => ScoreCell.Normalize(c) == key);
    }
}
