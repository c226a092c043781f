using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Builds the open dataset (<c>/api/datos-abiertos/…</c>) and tells the data dictionary page what it publishes.</summary>
/// <remarks>
/// Reads only: one DbContext per call, no tracking, the dashboard's own figures (<see cref="ScoringSnapshot"/>), never
/// the simulator's scenarios. The licence is the entity's choice: <c>DatosAbiertos:Licencia</c> and
/// <c>DatosAbiertos:LicenciaUrl</c>, CC BY 4.0 by default (the usual one for Colombian open data).
/// </remarks>
public sealed class OpenDataService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The address of the CSV, relative to the app.</summary>
    public const string CsvPath = "/api/datos-abiertos/puntajes.csv";

    /// <summary>The address of the JSON, relative to the app.</summary>
    public const string JsonPath = "/api/datos-abiertos/puntajes.json";

    /// <summary>The address of the data dictionary page, relative to the app.</summary>
    public const string DictionaryPath = "/datos-abiertos";

    /// <summary>The licence the data is published under.</summary>
    public OpenDataLicence Licence => new(
        configuration["DatosAbiertos:Licencia"] is { Length: > 0 } name ? name : "CC BY 4.0",
        configuration["DatosAbiertos:LicenciaUrl"] is { Length: > 0 } url ? url : "https://creativecommons.org/licenses/by/4.0/deed.es");

    /// <summary>Every measured vigencia as of now; <paramref name="dictionaryUrl"/> is written in the JSON's metadata.</summary>
    public async Task<OpenDataset> GetDatasetAsync(string? dictionaryUrl = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var entity = await db.Entities.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new OpenDataEntity(e.Name, e.Nit))
            .FirstOrDefaultAsync(cancellationToken);
        return OpenDataset.Create(snapshot, entity, Licence, clock.GetUtcNow(), dictionaryUrl);
    }
}
