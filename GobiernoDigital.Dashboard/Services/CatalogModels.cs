using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>The catalog as the catalog page lists it: components in order, each with its categories in order.</summary>
public sealed record CatalogModel(IReadOnlyList<CatalogComponent> Components);

/// <summary>A component and its categories, in display order.</summary>
public sealed record CatalogComponent(int Id, string Name, IReadOnlyList<CatalogCategory> Categories);

/// <summary>A category of the catalog with what the advisor needs to decide what may be done with it.</summary>
/// <remarks>
/// <b>ScoreCount</b>: Score rows recorded for it in any measurement (No aplica and Sin medición included).<br/>
/// <b>FindingCount</b>: Findings of an improvement plan that point to it.<br/>
/// </remarks>
public sealed record CatalogCategory(
    int Id,
    string Name,
    string ShortLabel,
    CategoryKind Kind,
    int ComponentId,
    decimal Weight,
    int? FirstVigencia,
    int? RetiredFromVigencia,
    int ScoreCount,
    int FindingCount)
{
    /// <summary>"Proceso" or "Resultado".</summary>
    public string KindText => Kind == CategoryKind.Resultado ? "Resultado" : "Proceso";

    /// <summary>es-CO, one decimal: "1,0".</summary>
    public string WeightText => EsCo.Number(Weight);

    public bool IsRetired => RetiredFromVigencia is not null;

    /// <summary>"Siempre", "Desde 2024", "Hasta 2023 (retirada desde 2024)", "De 2020 a 2023 (retirada desde 2024)".</summary>
    public string ApplicabilityText => Applicability.Describe(FirstVigencia, RetiredFromVigencia);

    /// <summary>"Sin puntajes", "1 puntaje", "3 puntajes".</summary>
    public string ScoreCountText => ScoreCount switch
    {
        0 => "Sin puntajes",
        1 => "1 puntaje",
        _ => $"{ScoreCount} puntajes",
    };
}

/// <summary>Spanish wording of the vigencias a category applies to, and of a list of vigencias.</summary>
public static class Applicability
{
    public static string Describe(int? firstVigencia, int? retiredFromVigencia) => (firstVigencia, retiredFromVigencia) switch
    {
        (null, null) => "Siempre",
        ({ } first, null) => $"Desde {first}",
        (null, { } retired) => $"Hasta {retired - 1} (retirada desde {retired})",
        ({ } first, { } retired) when retired - 1 == first => $"Solo {first} (retirada desde {retired})",
        ({ } first, { } retired) => $"De {first} a {retired - 1} (retirada desde {retired})",
    };

    /// <summary>"2023", "2023 y 2024", "2022, 2023 y 2024".</summary>
    public static string ListVigencias(IReadOnlyList<int> vigencias) => vigencias.Count switch
    {
        0 => string.Empty,
        1 => vigencias[0].ToString(EsCo.Culture),
        _ => string.Join(", ", vigencias.Take(vigencias.Count - 1)) + " y " + vigencias[^1],
    };
}
