using GobiernoDigital.Core.Import;

namespace GobiernoDigital.Core.Export;

/// <summary>The columns of the "Puntajes" sheet, shared by the export and the template so both look the same.</summary>
internal static class ScoreSheetColumns
{
    public const string SheetName = "Puntajes";

    public static readonly SheetColumn Vigencia = new(ScoreColumns.Vigencia);
    public static readonly SheetColumn Component = new(ScoreColumns.Component, 32);
    public static readonly SheetColumn Category = new(ScoreColumns.Category, 48);
    public static readonly SheetColumn Weight = new(ScoreColumns.Weight);
    public static readonly SheetColumn Score = new(ScoreColumns.Score, 12, NumberStyle.OneDecimal);
    public static readonly SheetColumn Target = new(ScoreColumns.Target, 10, NumberStyle.OneDecimal);
    public static readonly SheetColumn Gap = new(ScoreColumns.Gap, 10, NumberStyle.OneDecimal);
    public static readonly SheetColumn Observation = new(ScoreColumns.Observation, 60);
    public static readonly SheetColumn Percentage = new(ScoreColumns.Percentage, 24, NumberStyle.OneDecimal);
    public static readonly SheetColumn Coverage = new(ScoreColumns.Coverage, 30);

    /// <summary>Every column of the export, in the order of <see cref="ScoreColumns.All"/>.</summary>
    public static readonly IReadOnlyList<SheetColumn> Export = [Vigencia, Component, Category, Weight, Score, Target, Gap, Observation, Percentage, Coverage];

    /// <summary>The columns import reads: the template's.</summary>
    public static readonly IReadOnlyList<SheetColumn> Template = [Vigencia, Category, Score, Target, Observation];
}
