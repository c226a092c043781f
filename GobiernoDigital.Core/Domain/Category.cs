namespace GobiernoDigital.Core.Domain;

/// <summary>Whether a category measures the process (<em>Indicador de Proceso Logro</em>) or the result (<em>Indicador de Resultado</em>).</summary>
public enum CategoryKind
{
    Proceso = 0,
    Resultado = 1,
}

/// <summary>A measured category of the policy (e.g. "Transparencia"), inside a component.</summary>
/// <remarks>
/// A category applies to the vigencias from <see cref="FirstVigencia"/> (or always, when null) up to the vigencia
/// before <see cref="RetiredFromVigencia"/> (or forever, when null). Its history stays attached when it is retired.
/// </remarks>
public sealed class Category
{
    public const int ShortLabelMaxLength = 24;

    private Category()
    {
        Name = string.Empty;
        ShortLabel = string.Empty;
    }

    public Category(
        string name,
        string shortLabel,
        CategoryKind kind,
        Component component,
        int displayOrder,
        decimal weight = 1m,
        string? nameInPlan = null,
        int? firstVigencia = null,
        int? retiredFromVigencia = null)
    {
        Name = Guard.Text(name, "El nombre de la categoría", 300);
        ShortLabel = Guard.Text(shortLabel, "La etiqueta corta", ShortLabelMaxLength);
        Kind = kind;
        Component = component;
        DisplayOrder = displayOrder;
        Weight = ValidWeight(weight);
        NameInPlan = string.IsNullOrWhiteSpace(nameInPlan) ? null : nameInPlan.Trim();
        if (firstVigencia is { } first && retiredFromVigencia is { } retired && retired <= first)
        {
            throw new DomainException("La vigencia de retiro debe ser posterior a la vigencia inicial.");
        }

        FirstVigencia = firstVigencia;
        RetiredFromVigencia = retiredFromVigencia;
        component.Add(this);
    }

    public int Id { get; private set; }

    /// <summary>Full name (e.g. "Servicios Tecnológicos").</summary>
    public string Name { get; private set; }

    /// <summary>Short label for chart axes, at most <see cref="ShortLabelMaxLength"/> characters.</summary>
    public string ShortLabel { get; private set; }

    public CategoryKind Kind { get; private set; }

    public int ComponentId { get; private set; }

    public Component Component { get; private set; } = null!;

    public int DisplayOrder { get; private set; }

    /// <summary>Weight in the Porcentaje de Cumplimiento; greater than 0, default 1.</summary>
    public decimal Weight { get; private set; }

    /// <summary>The label the improvement plan gives the row (e.g. "Indicadores de Proceso Logro: Transparencia").</summary>
    public string? NameInPlan { get; private set; }

    /// <summary>First vigencia the category applies to; null means since always.</summary>
    public int? FirstVigencia { get; private set; }

    /// <summary>First vigencia the category no longer applies to; null means it still applies.</summary>
    public int? RetiredFromVigencia { get; private set; }

    public bool AppliesTo(int vigencia) =>
        (FirstVigencia is null || vigencia >= FirstVigencia) &&
        (RetiredFromVigencia is null || vigencia < RetiredFromVigencia);

    private static decimal ValidWeight(decimal weight) =>
        weight is > 0m and <= 100m ? weight : throw new DomainException("El peso debe ser mayor que 0 y como máximo 100.");
}
