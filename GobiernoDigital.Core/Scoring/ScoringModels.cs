using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Scoring;

/// <summary>One category as the calculation sees it in a vigencia: its place in the catalog, weight, score and meta.</summary>
/// <remarks>
/// <b>Weight</b>: Greater than 0; the default is 1.<br/>
/// <b>Target</b>: The meta for the vigencia, 0–100; 100 when none was set.<br/>
/// </remarks>
public sealed record CategoryInput(
    int CategoryId,
    string Name,
    string ShortLabel,
    CategoryKind Kind,
    int ComponentId,
    string ComponentName,
    decimal Weight,
    Score Score,
    decimal Target = Target.Default);

/// <summary>The categories that apply to a vigencia, in display order, with their scores.</summary>
public sealed record VigenciaInput(int Vigencia, IReadOnlyList<CategoryInput> Categories);

/// <summary>How many categories were measured, and why the others were not.</summary>
public sealed record Coverage(int Measured, int NotApplicable, int NotMeasured)
{
    public int Total => Measured + NotApplicable + NotMeasured;

    /// <summary>"16 de 17 categorías medidas".</summary>
    public string Text => Total == 1
        ? $"{Measured} de 1 categoría medida"
        : $"{Measured} de {Total} categorías medidas";

    /// <summary>"1 sin medición", "2 no aplica · 1 sin medición", or empty when all were measured.</summary>
    public string Detail => string.Join(" · ", new[]
    {
        NotApplicable > 0 ? $"{NotApplicable} no aplica" : null,
        NotMeasured > 0 ? $"{NotMeasured} sin medición" : null,
    }.Where(s => s is not null));

    public static Coverage Of(IEnumerable<Score> scores)
    {
        int measured = 0, notApplicable = 0, notMeasured = 0;
        foreach (var score in scores)
        {
            switch (score.Status)
            {
                case ScoreStatus.Measured: measured++; break;
                case ScoreStatus.NotApplicable: notApplicable++; break;
                default: notMeasured++; break;
            }
        }

        return new Coverage(measured, notApplicable, notMeasured);
    }
}

/// <summary>A category's figures in a vigencia.</summary>
/// <remarks>
/// <b>Gap</b>: Brecha: meta − puntaje, never below 0; null when not measured.<br/>
/// <b>PointsToGain</b>: Points the Porcentaje de Cumplimiento would gain if the category reached its meta: w·brecha/Σw.<br/>
/// <b>PreviousScore</b>: The score in the previous measured vigencia, when the category had one.<br/>
/// <b>Change</b>: Puntaje − puntaje anterior, in points; null unless both are measured.<br/>
/// </remarks>
public sealed record CategoryResult(
    CategoryInput Category,
    decimal? Gap,
    decimal? PointsToGain,
    Score? PreviousScore,
    decimal? Change)
{
    public Score Score => Category.Score;
}

/// <summary>A component's weighted mean over its measured categories.</summary>
public sealed record ComponentResult(
    int ComponentId,
    string Name,
    decimal? Mean,
    decimal? PreviousMean,
    decimal? Change,
    Coverage Coverage,
    IReadOnlyList<CategoryResult> Categories);

/// <summary>
/// Whether a vigencia's overall change against the previous one compares like with like: the same categories measured
/// in both. When not, pages show the change with <see cref="Warning"/> and the change over the categories measured in both.
/// </summary>
/// <remarks>
/// <b>CommonMeasured</b>: Categories measured in both vigencias.<br/>
/// <b>CommonChange</b>: Σ wᵢ·sᵢ ÷ Σ wᵢ over those categories in the vigencia, minus the same in the previous one; null when there is none.<br/>
/// <b>SameCategories</b>: Exactly the same categories measured in both.<br/>
/// </remarks>
public sealed record Comparability(
    int Vigencia,
    Coverage Coverage,
    int PreviousVigencia,
    Coverage PreviousCoverage,
    int CommonMeasured,
    decimal? CommonChange,
    bool SameCategories)
{
    /// <summary>The overall change compares the same categories.</summary>
    public bool IsComparable => SameCategories;

    /// <summary>
    /// «No comparable: 2025 tiene 6 de 17 categorías medidas y 2024 15 de 17.»; null when comparable.
    /// </summary>
    public string? Warning =>
        IsComparable ? null
        : Coverage.Measured != PreviousCoverage.Measured || Coverage.Total != PreviousCoverage.Total
            ? $"No comparable: {Vigencia} tiene {Coverage.Measured} de {Coverage.Total} categorías medidas y {PreviousVigencia} {PreviousCoverage.Measured} de {PreviousCoverage.Total}."
            : $"No comparable: {Vigencia} y {PreviousVigencia} tienen {Coverage.Measured} de {Coverage.Total} categorías medidas, pero no las mismas.";

    /// <summary>«Sobre las 5 categorías medidas en ambas vigencias: +3,2 puntos.»; null when comparable.</summary>
    public string? CommonText =>
        IsComparable ? null
        : CommonChange is { } change
            ? $"Sobre {(CommonMeasured == 1 ? "la única categoría medida" : $"las {CommonMeasured} categorías medidas")} en ambas vigencias: {EsCo.SignedNumber(change)} puntos."
            : "Ninguna categoría se midió en ambas vigencias.";
}

/// <summary>Everything the overview shows for a vigencia.</summary>
/// <remarks>
/// <b>Percentage</b>: Porcentaje de Cumplimiento (0–100, unrounded); null when no category was measured.<br/>
/// <b>PreviousVigencia</b>: The latest measured vigencia before this one, if any.<br/>
/// <b>Change</b>: Percentage − previous percentage, in points; null unless both exist.<br/>
/// </remarks>
public sealed record VigenciaReport(
    int Vigencia,
    decimal? Percentage,
    Coverage Coverage,
    int? PreviousVigencia,
    decimal? PreviousPercentage,
    decimal? Change,
    IReadOnlyList<ComponentResult> Components,
    IReadOnlyList<CategoryResult> Categories)
{
    /// <summary>Whether <see cref="Change"/> compares the same categories; null without a previous vigencia.</summary>
    public Comparability? Comparability { get; init; }

    /// <summary>True unless the change against the previous vigencia is over different categories.</summary>
    public bool IsComparable => Comparability?.IsComparable ?? true;

    /// <summary>Σ wᵢ·sᵢ over the measured categories: the numerator of the Porcentaje de Cumplimiento.</summary>
    public decimal WeightedSum => Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Category.Weight * c.Score.Value!.Value);

    /// <summary>Σ wᵢ over the measured categories: the denominator of the Porcentaje de Cumplimiento.</summary>
    public decimal WeightSum => Categories.Where(c => c.Score.IsMeasured).Sum(c => c.Category.Weight);

    /// <summary>Measured categories below their meta, the most points to gain first (ties by display order).</summary>
    public IReadOnlyList<CategoryResult> Priorities =>
        Categories.Where(c => c.PointsToGain > 0).OrderByDescending(c => c.PointsToGain).ToList();
}
