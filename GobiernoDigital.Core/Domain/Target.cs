namespace GobiernoDigital.Core.Domain;

/// <summary>The target (<em>meta</em>) of a category for a vigencia. Without a row, the meta is <see cref="Default"/>.</summary>
public sealed class Target
{
    public const decimal Default = 100m;

    private Target()
    {
    }

    public Target(int categoryId, int vigencia, decimal value)
    {
        CategoryId = categoryId;
        Vigencia = vigencia;
        Value = Guard.Percentage(value, "La meta");
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public int Vigencia { get; private set; }

    /// <summary>0–100.</summary>
    public decimal Value { get; private set; }

    /// <summary>Sets a new meta (0–100).</summary>
    public void Change(decimal value) => Value = Guard.Percentage(value, "La meta");
}
