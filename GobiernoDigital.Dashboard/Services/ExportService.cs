using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>A file ready to download.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>Builds the score exports and the import template from the database.</summary>
/// <remarks>Reads only: one DbContext per call, no tracking. The figures are the dashboard's (<see cref="ScoringSnapshot"/>).</remarks>
public sealed class ExportService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The scores of <paramref name="vigencia"/>, or of the whole history when null; null when that vigencia has no measurement.</summary>
    public async Task<ExportFile?> GetScoresAsync(int? vigencia, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var entity = await db.Entities.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        var export = ScoreExport.Create(snapshot, vigencia, entity);
        return export is null ? null : Render(export, format);
    }

    /// <summary>The import template of the vigencia after the latest measured one (or last year's, on an empty history).</summary>
    public async Task<ExportFile> GetTemplateAsync(SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        // FURAG measures a vigencia during the following year: with nothing measured yet, last year is the one to enter.
        var lastYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), EsCo.TimeZone).Year - 1;
        return Render(ScoreTemplate.Create(snapshot, lastYear), format);
    }

    private static ExportFile Render(ISpreadsheetDocument document, SpreadsheetFormat format)
    {
        using var stream = new MemoryStream();
        document.Write(stream, format);
        return new ExportFile(document.FileName(format), format.ContentType(), stream.ToArray());
    }
}
