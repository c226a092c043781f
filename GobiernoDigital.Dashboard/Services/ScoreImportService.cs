using GobiernoDigital.Core.Auditing;
using System.Data.Common;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// Imports scores and metas from a .xlsx or .csv file: first a preview of every change and every error, then the commit
/// of that preview in one transaction. Both steps need the policy <see cref="Policies.EditarPuntajes"/>, and a slot of the
/// server's <see cref="ImportGate"/>: over the cap they are refused with <see cref="ImportLimits.Busy"/>.
/// </summary>
/// <remarks>Without a gate (tests that build the service by hand) each service has its own.</remarks>
public sealed class ScoreImportService(
    IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock, ImportGate? gate = null)
{
    private readonly ImportGate _gate = gate ?? new ImportGate();

    public const string DatabaseUnavailable = "La base de datos está ocupada o no responde; intente de nuevo en un momento.";

    /// <summary>Reads the file and compares it with the current data. Saves nothing.</summary>
    /// <param name="content">The file; at most <see cref="ScoreFileReader.MaxBytes"/> + 1 bytes are read from it.</param>
    /// <param name="fileName">The file's name; its extension (.xlsx or .csv) picks the format.</param>
    /// <param name="size">The size the browser reported, in bytes.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<ImportPreview> PreviewAsync(Stream content, string fileName, long size, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.EditarPuntajes);
        using var slot = _gate.TryEnter();
        if (slot is null)
        {
            return ImportPreview.Rejected(fileName, [ImportLimits.Busy]);
        }

        var read = await ScoreFileReader.ReadAsync(content, fileName, size, cancellationToken);
        if (read.File is null)
        {
            return ImportPreview.Rejected(fileName, read.Errors);
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var data = await ScoringSnapshot.LoadAsync(db, cancellationToken);
            return ImportAnalyzer.Analyze(read.File, data);
        }
        catch (DbException)
        {
            return ImportPreview.Rejected(fileName, [DatabaseUnavailable]);
        }
    }

    /// <summary>
    /// Saves what <paramref name="preview"/> showed, audited, in one transaction; refuses with a message, saving nothing,
    /// when the file has errors, brings no change, or the data changed since the preview.
    /// </summary>
    /// <param name="preview">A preview returned by <see cref="PreviewAsync"/>.</param>
    /// <param name="sourceForNewMeasurements">The source recorded on the measurements the import creates (their date stays empty).</param>
    /// <param name="stateForNewMeasurements">The state (provisional or definitiva) of the measurements the import creates.</param>
    /// <param name="cancellationToken">Stops the commit before it is saved.</param>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<ImportOutcome> CommitAsync(
        ImportPreview preview, MeasurementSource sourceForNewMeasurements, MeasurementState stateForNewMeasurements, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        using var slot = _gate.TryEnter();
        if (slot is null)
        {
            return ImportOutcome.Fail(ImportLimits.Busy);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        // One summary entry (counts per kind of record, one line per change) instead of one per score or meta.
        db.AuditBatch = new AuditBatch(AuditCatalog.ImportKind, Name: $"Archivo «{preview.FileName}»");
        try
        {
            return await ImportApplier.ApplyAsync(db, preview, sourceForNewMeasurements, stateForNewMeasurements, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save got in between (a measurement of the same vigencia, a concurrent revision): the transaction
            // was rolled back, so nothing of the file was saved.
            return ImportOutcome.Fail(ImportApplier.DataChanged);
        }
        catch (DomainException ex)
        {
            return ImportOutcome.Fail(ex.Message);
        }
        catch (DbException)
        {
            // The database is busy (another long save holds it) or unreachable: the transaction never committed.
            return ImportOutcome.Fail(DatabaseUnavailable);
        }
    }
}
