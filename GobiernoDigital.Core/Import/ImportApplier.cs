using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// The outcome of committing an import: what was saved and the vigencias it created or changed (oldest first), or a
/// Spanish message saying why nothing was.
/// </summary>
public sealed record ImportOutcome(bool Succeeded, string? Error, ImportSummary? Summary, IReadOnlyList<int> Vigencias)
{
    public static ImportOutcome Fail(string error) => new(false, error, null, []);
}

/// <summary>
/// Saves what a preview showed, all in one transaction or nothing: inside the transaction it reads the data again,
/// analyses the same rows again and refuses when the changes are no longer the ones the user saw.
/// </summary>
public static class ImportApplier
{
    public const string DataChanged = "Los datos cambiaron desde la vista previa; vuelva a cargar el archivo.";
    public const string FileHasErrors = "El archivo tiene errores: corríjalos y vuelva a cargarlo. No se guardó nada.";
    public const string NothingToImport = "El archivo no trae cambios: no hay nada que importar.";

    /// <summary>
    /// Creates the measurements (without date, with <paramref name="sourceForNewMeasurements"/> and
    /// <paramref name="stateForNewMeasurements"/>), records the scores and
    /// the metas, and marks every measurement it changes (<see cref="Measurement.Touch"/>). The context's actor, when set,
    /// audits every change in the same transaction.
    /// </summary>
    /// <remarks>Reads are a few bulk queries whatever the number of rows: no query per row.</remarks>
    public static async Task<ImportOutcome> ApplyAsync(
        GobiernoDigitalDbContext db,
        ImportPreview preview,
        MeasurementSource sourceForNewMeasurements,
        MeasurementState stateForNewMeasurements,
        CancellationToken cancellationToken = default)
    {
        if (preview.File is null || preview.HasErrors)
        {
            return ImportOutcome.Fail(FileHasErrors);
        }

        if (preview.Changes.Count == 0)
        {
            return ImportOutcome.Fail(NothingToImport);
        }

        if (!Enum.IsDefined(sourceForNewMeasurements))
        {
            return ImportOutcome.Fail("La fuente de la medición no es válida.");
        }

        if (!Enum.IsDefined(stateForNewMeasurements))
        {
            return ImportOutcome.Fail("El estado de la medición no es válido.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var vigencias = ImportAnalyzer.VigenciasIn(preview.File).ToList();
        var categories = await db.Categories.ToListAsync(cancellationToken);
        var measurements = await db.Measurements
            .Include(m => m.Scores)
            .Where(m => vigencias.Contains(m.Vigencia))
            .OrderBy(m => m.Vigencia)
            .ToListAsync(cancellationToken);
        var targets = await db.Targets.Where(t => vigencias.Contains(t.Vigencia)).ToListAsync(cancellationToken);
        var current = new ScoringSnapshot(categories, measurements, targets.ToDictionary(t => (t.CategoryId, t.Vigencia), t => t.Value));

        var again = ImportAnalyzer.Analyze(preview.File, current);
        if (again.HasErrors || !again.Changes.SequenceEqual(preview.Changes))
        {
            return ImportOutcome.Fail(DataChanged);
        }

        var categoryById = categories.ToDictionary(c => c.Id);
        var measurementOf = measurements.ToDictionary(m => m.Vigencia);
        var targetOf = targets.ToDictionary(t => (t.CategoryId, t.Vigencia));
        var changed = new HashSet<Measurement>();
        foreach (var change in again.Changes)
        {
            switch (change.Kind)
            {
                case ImportChangeKind.CreateMeasurement:
                    var created = new Measurement(change.Vigencia, date: null, sourceForNewMeasurements, officialIndex: null, stateForNewMeasurements);
                    db.Measurements.Add(created);
                    measurementOf[change.Vigencia] = created;
                    changed.Add(created);
                    break;
                case ImportChangeKind.CreateScore or ImportChangeKind.ChangeScore:
                    var measurement = measurementOf[change.Vigencia];
                    measurement.SetScore(categoryById[change.CategoryId!.Value], change.NewScore!.Value, change.NewObservation);
                    changed.Add(measurement);
                    break;
                case ImportChangeKind.CreateTarget:
                    db.Targets.Add(new Target(change.CategoryId!.Value, change.Vigencia, change.NewTarget!.Value));
                    break;
                case ImportChangeKind.ChangeTarget:
                    targetOf[(change.CategoryId!.Value, change.Vigencia)].Change(change.NewTarget!.Value);
                    break;
            }
        }

        foreach (var measurement in changed)
        {
            measurement.Touch();
        }

        // As with the form: a new vigencia's metas start as the previous vigencia's, except those the file sets.
        foreach (var created in again.Changes.Where(c => c.Kind == ImportChangeKind.CreateMeasurement))
        {
            var applying = categories.Where(c => c.AppliesTo(created.Vigencia)).Select(c => c.Id).ToList();
            await TargetCarryOver.AddForNewMeasurementAsync(db, created.Vigencia, applying, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(true, null, again.Summary, again.Vigencias);
    }
}
