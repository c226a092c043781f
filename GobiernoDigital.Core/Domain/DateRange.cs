namespace GobiernoDigital.Core.Domain;

/// <summary>A closed date interval, e.g. a deadline "01/08/2024 al 31/12/2027".</summary>
public sealed record DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("La fecha final no puede ser anterior a la fecha inicial.");
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public override string ToString() => $"{EsCo.Date(Start)} al {EsCo.Date(End)}";
}
