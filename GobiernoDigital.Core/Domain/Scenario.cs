namespace GobiernoDigital.Core.Domain;

/// <summary>
/// A saved what-if scenario (<em>escenario</em>) of the simulator: hypothetical scores of some categories on top of a
/// measured vigencia. It is never a measurement: no chart, figure or export of measured data reads it.
/// </summary>
public sealed class Scenario
{
    public const int NameMaxLength = 120;

    private Scenario()
    {
        Name = CreatedBy = string.Empty;
    }

    public Scenario(string name, int baseVigencia, IEnumerable<ScenarioValue> values, string createdBy, DateTime createdAtUtc)
    {
        Name = Guard.Text(name, "El nombre del escenario", NameMaxLength);
        BaseVigencia = baseVigencia;
        CreatedBy = Guard.Text(createdBy, "Quién guardó el escenario", 256);
        CreatedAtUtc = createdAtUtc;
        SetValues(values);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The measured vigencia the scenario starts from.</summary>
    public int BaseVigencia { get; private set; }

    /// <summary>The simulated score of each category that was changed (0–100).</summary>
    public List<ScenarioValue> Values { get; private set; } = [];

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public void Rename(string name) => Name = Guard.Text(name, "El nombre del escenario", NameMaxLength);

    public void SetValues(IEnumerable<ScenarioValue> values)
    {
        var list = values.ToList();
        if (list.Any(v => v.Score is < 0m or > 100m))
        {
            throw new DomainException("Los puntajes simulados deben estar entre 0 y 100.");
        }

        if (list.GroupBy(v => v.CategoryId).Any(g => g.Count() > 1))
        {
            throw new DomainException("Una categoría aparece dos veces en el escenario.");
        }

        Values = list;
    }
}

/// <summary>One simulated score in a <see cref="Scenario"/>.</summary>
public sealed record ScenarioValue(int CategoryId, decimal Score);
