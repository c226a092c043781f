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
        SetApplicability(firstVigencia, retiredFromVigencia);
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

    /// <summary>True when the category no longer applies from some vigencia on.</summary>
    public bool IsRetired => RetiredFromVigencia is not null;

    /// <summary>Gives the category a new full name; its history stays attached.</summary>
    public void Rename(string name) => Name = Guard.Text(name, "El nombre de la categoría", 300);

    /// <summary>Sets the short label for chart axes.</summary>
    public void SetShortLabel(string shortLabel) => ShortLabel = Guard.Text(shortLabel, "La etiqueta corta", ShortLabelMaxLength);

    public void SetKind(CategoryKind kind) => Kind = kind;

    /// <summary>Sets the weight in the Porcentaje de Cumplimiento (greater than 0, at most 100).</summary>
    public void SetWeight(decimal weight) => Weight = ValidWeight(weight);

    /// <summary>Sets the place of the category inside its component (lower first).</summary>
    public void SetDisplayOrder(int displayOrder) => DisplayOrder = displayOrder;

    /// <summary>Moves the category to another component, at the given place; its scores and findings go with it.</summary>
    public void MoveTo(Component component, int displayOrder)
    {
        if (!ReferenceEquals(Component, component))
        {
            Component?.Remove(this);
            Component = component;
            ComponentId = component.Id;
            component.Add(this);
        }

        DisplayOrder = displayOrder;
    }

    /// <summary>Sets the vigencias the category applies to: from <paramref name="firstVigencia"/> (null: always) to the one before <paramref name="retiredFromVigencia"/> (null: still applies).</summary>
    /// <exception cref="DomainException">A vigencia is outside 2000–2100, or the retirement is not after the first vigencia.</exception>
    public void SetApplicability(int? firstVigencia, int? retiredFromVigencia)
    {
        foreach (var vigencia in new[] { firstVigencia, retiredFromVigencia })
        {
            if (vigencia is < Measurement.MinVigencia or > Measurement.MaxVigencia)
            {
                throw new DomainException($"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.");
            }
        }

        if (firstVigencia is { } first && retiredFromVigencia is { } retired && retired <= first)
        {
            throw new DomainException("La vigencia de retiro debe ser posterior a la vigencia inicial.");
        }

        FirstVigencia = firstVigencia;
        RetiredFromVigencia = retiredFromVigencia;
    }

    /// <summary>Retires the category from <paramref name="vigencia"/> on: it no longer applies then, and its history stays.</summary>
    public void Retire(int vigencia) => SetApplicability(FirstVigencia, vigencia);

    /// <summary>Makes a retired category apply again.</summary>
    public void Reinstate() => SetApplicability(FirstVigencia, null);

    public bool AppliesTo(int vigencia) =>
        (FirstVigencia is null || vigencia >= FirstVigencia) &&
        (RetiredFromVigencia is null || vigencia < RetiredFromVigencia);

    private static decimal ValidWeight(decimal weight) =>
        weight is > 0m and <= 100m ? weight : throw new DomainException("El peso debe ser mayor que 0 y como máximo 100.");
}
