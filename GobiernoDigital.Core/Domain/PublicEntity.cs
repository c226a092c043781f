namespace GobiernoDigital.Core.Domain;

/// <summary>The public entity whose Gobierno Digital results the dashboard tracks (e.g. Concejo Municipal de Cartago).</summary>
public sealed class PublicEntity
{
    private PublicEntity()
    {
        Name = string.Empty;
        Nit = string.Empty;
    }

    public PublicEntity(string name, string nit)
    {
        Name = Guard.Text(name, "El nombre de la entidad");
        Nit = Guard.Text(nit, "El NIT");
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Número de Identificación Tributaria, as written by the entity (e.g. "900.215.967-5").</summary>
    public string Nit { get; private set; }
}
