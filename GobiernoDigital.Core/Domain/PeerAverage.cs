namespace GobiernoDigital.Core.Domain;

/// <summary>
/// The average score of the entity's peer group (<em>grupo par</em>) in a category for a vigencia, as FURAG publishes
/// it beside the entity's own result. Recorded by the editor; never computed by this app.
/// </summary>
public sealed class PeerAverage
{
    private PeerAverage()
    {
    }

    public PeerAverage(int categoryId, int vigencia, decimal value)
    {
        if (vigencia is < Measurement.MinVigencia or > Measurement.MaxVigencia)
        {
            throw new DomainException($"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.");
        }

        CategoryId = categoryId;
        Vigencia = vigencia;
        Change(value);
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public int Vigencia { get; private set; }

    /// <summary>0–100, at most one decimal.</summary>
    public decimal Value { get; private set; }

    public void Change(decimal value)
    {
        Guard.Percentage(value, "El promedio del grupo par");
        Value = decimal.Round(value, 1) == value ? value : throw new DomainException("El promedio del grupo par admite como máximo un decimal.");
    }
}
