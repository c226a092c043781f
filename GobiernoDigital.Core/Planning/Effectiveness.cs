using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Planning;

/// <summary>The verdict of the <em>evaluación de la eficacia</em> of a category's actions between two vigencias.</summary>
public enum EffectivenessVerdict
{
    /// <summary>Not enough data: no second measurement, a score not measured, or no completed action with expected points.</summary>
    SinDatos = 0,

    /// <summary>The score rose at least as much as the completed actions expected.</summary>
    Eficaz = 1,

    /// <summary>The score rose, but less than expected.</summary>
    ParcialmenteEficaz = 2,

    /// <summary>The score did not rise.</summary>
    SinEfecto = 3,
}

/// <summary>What the evaluation of one category needs.</summary>
/// <param name="FromVigencia">The vigencia the plan answers to (A).</param>
/// <param name="ToVigencia">The later vigencia the actions are judged by (B).</param>
/// <param name="FromScore">The category's score in A.</param>
/// <param name="ToScore">The category's score in B; null when B has no measurement.</param>
/// <param name="Weight">The category's weight in B (in A when B is not measured).</param>
/// <param name="WeightSum">Σ of the weights of the measured categories in B, the denominator of the Porcentaje de Cumplimiento.</param>
/// <param name="ExpectedGain">Σ of the expected points of the category's actions completed after 31/12 of A and up to 31/12 of B.</param>
/// <param name="CompletedActions">How many actions that sum counts.</param>
public sealed record EffectivenessInput(
    int FromVigencia,
    int ToVigencia,
    Score FromScore,
    Score? ToScore,
    decimal Weight,
    decimal WeightSum,
    decimal ExpectedGain,
    int CompletedActions);

/// <summary>The evaluation of one category: expected gain beside the actual change, its effect on the figure, the verdict.</summary>
/// <param name="Input">What was evaluated.</param>
/// <param name="ExpectedGain">Σ of the expected points of the completed actions counted.</param>
/// <param name="ActualChange">Score in B − score in A, in points; null when either is not a measured number.</param>
/// <param name="EffectOnPercentage">w·Δ/Σw: the points of the Porcentaje de Cumplimiento that change is worth; null with <paramref name="ActualChange"/>.</param>
/// <param name="Verdict">Eficaz, parcialmente eficaz, sin efecto or sin datos.</param>
/// <param name="Reason">One Spanish sentence saying why.</param>
public sealed record EffectivenessResult(
    EffectivenessInput Input,
    decimal ExpectedGain,
    decimal? ActualChange,
    decimal? EffectOnPercentage,
    EffectivenessVerdict Verdict,
    string Reason);

/// <summary>The rule of the <em>evaluación de la eficacia</em>. Pure: the plan page and the tests feed it numbers.</summary>
public static class EffectivenessCalculator
{
    /// <summary>The rule as the plan page writes it.</summary>
    public const string RuleText =
        "Para cada categoría y un par de vigencias A → B: la ganancia esperada es la suma de los puntos esperados de sus acciones " +
        "completadas después del 31/12 de A y hasta el 31/12 de B; el cambio real es el puntaje de B menos el de A. " +
        "Eficaz: el cambio real es mayor o igual que la ganancia esperada. Parcialmente eficaz: el puntaje subió, pero menos de lo esperado. " +
        "Sin efecto: el puntaje no subió. Sin datos: falta la medición de B, alguno de los dos puntajes no es un número " +
        "(no aplica o sin medición), o no hay acciones completadas con puntos esperados. " +
        "El efecto en el Porcentaje de Cumplimiento es peso × cambio real ÷ Σ pesos medidos en B.";

    /// <summary>The completed actions an evaluation from <paramref name="fromVigencia"/> to <paramref name="toVigencia"/> counts.</summary>
    public static bool Counts(ActionStatus status, DateOnly? completedOn, int fromVigencia, int toVigencia) =>
        status == ActionStatus.Completada &&
        completedOn is { } done &&
        done > new DateOnly(fromVigencia, 12, 31) &&
        done <= new DateOnly(toVigencia, 12, 31);

    public static EffectivenessResult Evaluate(EffectivenessInput input)
    {
        if (input.ToVigencia <= input.FromVigencia)
        {
            throw new DomainException("La segunda vigencia debe ser posterior a la primera.");
        }

        decimal? change = input.FromScore.IsMeasured && input.ToScore is { IsMeasured: true } to
            ? to.Value!.Value - input.FromScore.Value!.Value
            : null;
        decimal? effect = change is { } c && input.WeightSum > 0 ? input.Weight * c / input.WeightSum : null;

        var (verdict, reason) = (input.ToScore, change) switch
        {
            (null, _) => (EffectivenessVerdict.SinDatos, $"No hay medición de la vigencia {input.ToVigencia}."),
            (_, null) => (EffectivenessVerdict.SinDatos, "Alguno de los dos puntajes es «No aplica» o «Sin medición»."),
            _ when input.ExpectedGain <= 0 => (EffectivenessVerdict.SinDatos, "No hay acciones completadas con puntos esperados en el periodo."),
            (_, { } c2) when c2 >= input.ExpectedGain => (EffectivenessVerdict.Eficaz, $"Subió {EsCo.Number(c2)} puntos; se esperaban {EsCo.Number(input.ExpectedGain)}."),
            (_, { } c2) when c2 > 0 => (EffectivenessVerdict.ParcialmenteEficaz, $"Subió {EsCo.Number(c2)} puntos de {EsCo.Number(input.ExpectedGain)} esperados."),
            (_, { } c2) => (EffectivenessVerdict.SinEfecto, c2 == 0 ? "El puntaje no cambió." : $"El puntaje bajó {EsCo.Number(-c2)} puntos."),
        };

        return new EffectivenessResult(input, input.ExpectedGain, change, effect, verdict, reason);
    }

    /// <summary>Spanish label of a verdict: "Eficaz", "Parcialmente eficaz", "Sin efecto", "Sin datos".</summary>
    public static string Label(EffectivenessVerdict verdict) => verdict switch
    {
        EffectivenessVerdict.Eficaz => "Eficaz",
        EffectivenessVerdict.ParcialmenteEficaz => "Parcialmente eficaz",
        EffectivenessVerdict.SinEfecto => "Sin efecto",
        _ => "Sin datos",
    };
}
