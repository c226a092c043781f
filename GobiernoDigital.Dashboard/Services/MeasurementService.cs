using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>One measurement as the list of measurements shows it.</summary>
/// <remarks>
/// <b>Percentage</b>: the Porcentaje de Cumplimiento (unrounded); null when no category was measured.<br/>
/// <b>ScoreCount</b>: the score rows stored, which a deletion removes.<br/>
/// </remarks>
public sealed record MeasurementSummary(
    int Vigencia,
    DateOnly? Date,
    MeasurementSource Source,
    MeasurementState State,
    decimal? OfficialIndex,
    decimal? Percentage,
    Coverage Coverage,
    int ScoreCount,
    int Revision)
{
    public string SourceText => Source.Text();
}

/// <summary>How a change to a measurement ended.</summary>
public enum MeasurementChangeStatus
{
    /// <summary>Saved (or deleted).</summary>
    Done,

    /// <summary>The input was refused; nothing changed.</summary>
    Invalid,

    /// <summary>A new measurement for a vigencia that already has one; nothing changed.</summary>
    Duplicate,

    /// <summary>Another user saved the measurement since the form was read; nothing changed.</summary>
    Conflict,

    /// <summary>The measurement does not exist (any more).</summary>
    NotFound,
}

/// <summary>
/// The outcome of creating, updating or deleting a measurement, with a Spanish message. On a conflict,
/// <see cref="Current"/> holds the values saved by the other user, to show instead of the stale ones.
/// </summary>
public sealed record MeasurementChangeResult(MeasurementChangeStatus Status, string Message, MeasurementFormModel? Current = null)
{
    public bool Succeeded => Status == MeasurementChangeStatus.Done;
}

/// <summary>
/// Lists the measurements, and records, edits and deletes one with all its scores (policy
/// <see cref="Policies.EditarPuntajes"/>), each change in one transaction with its audit entries.
/// </summary>
/// <remarks>
/// Concurrency: the form carries the <see cref="Measurement.Revision"/> it was read at. A save or deletion at an older
/// revision, or one that loses the race against another save (EF's concurrency token), is refused with
/// <see cref="MeasurementChangeStatus.Conflict"/> and the current values; nothing is overwritten.
/// </remarks>
public sealed class MeasurementService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const string ConflictMessage =
        "Otro usuario guardó esta medición mientras usted la tenía abierta: no se guardó ningún cambio. " +
        "Se muestran los valores actuales; revíselos y vuelva a hacer sus cambios.";

    public const string DeleteConflictMessage =
        "Otro usuario guardó esta medición mientras usted la tenía abierta: no se eliminó. Revise los valores actuales y vuelva a intentarlo.";

    private readonly MeasurementFormValidator _validator = new(clock);

    /// <summary>Every measurement, newest vigencia first, with its Porcentaje de Cumplimiento and coverage.</summary>
    public async Task<IReadOnlyList<MeasurementSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var data = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        return data.Measurements
            .Select(m =>
            {
                var report = data.ReportFor(m);
                return new MeasurementSummary(m.Vigencia, m.Date, m.Source, m.State, m.OfficialIndex, report.Percentage, report.Coverage, m.Scores.Count, m.Revision);
            })
            .OrderByDescending(m => m.Vigencia)
            .ToList();
    }

    /// <summary>
    /// An empty form for a new measurement of <paramref name="vigencia"/>; by default the vigencia after the latest
    /// measured one, or last year when there is none. One row per category that applies to it.
    /// </summary>
    public async Task<MeasurementFormModel> NewFormAsync(int? vigencia, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var data = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var chosen = vigencia ?? (data.Measurements.Count > 0 ? data.Measurements[^1].Vigencia + 1 : EsCo.Today(clock).Year - 1);
        return FormFor(data, chosen, measurement: null);
    }

    /// <summary>The form of the measurement of <paramref name="vigencia"/> with its current values and revision; null when there is none.</summary>
    public async Task<MeasurementFormModel?> GetForEditAsync(int vigencia, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var data = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var measurement = data.Measurements.FirstOrDefault(m => m.Vigencia == vigencia);
        return measurement is null ? null : FormFor(data, vigencia, measurement);
    }

    /// <summary>
    /// Records a new measurement with its details and one score per row, and starts each category's meta as the
    /// previous vigencia's; all in one transaction.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user lacks <see cref="Policies.EditarPuntajes"/>: nothing changes.</exception>
    public async Task<MeasurementChangeResult> CreateAsync(MeasurementFormModel form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        if (await InvalidAsync(form, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var vigencia = form.Vigencia!.Value;
        await using var db = await OpenAuditedAsync(actor, cancellationToken);
        if (await db.Measurements.AnyAsync(m => m.Vigencia == vigencia, cancellationToken))
        {
            return Duplicate(vigencia);
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, cancellationToken);
        if (RowsError(form, categories, vigencia) is { } rowsError)
        {
            return new(MeasurementChangeStatus.Invalid, rowsError);
        }

        Measurement measurement;
        try
        {
            measurement = new Measurement(vigencia, form.DateValue, form.Source, form.OfficialIndex, form.State);
            SetScores(measurement, form, categories);
        }
        catch (DomainException ex)
        {
            return new(MeasurementChangeStatus.Invalid, ex.Message);
        }

        measurement.Touch();
        db.Measurements.Add(measurement);
        await TargetCarryOver.AddForNewMeasurementAsync(db, vigencia, categories.Values.Where(c => c.AppliesTo(vigencia)).Select(c => c.Id).ToList(), cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor recorded the same vigencia between the check above and this save (unique index).
            return await ExistsAsync(vigencia, cancellationToken)
                ? Duplicate(vigencia)
                : new(MeasurementChangeStatus.Invalid, "No se pudo guardar la medición. Revise los datos y vuelva a intentarlo.");
        }

        return new(MeasurementChangeStatus.Done, $"Se registró la medición de la vigencia {vigencia} con {measurement.Scores.Count} puntajes.");
    }

    /// <summary>
    /// Saves the details and scores of the measurement of <paramref name="vigencia"/>, read at
    /// <paramref name="expectedRevision"/>; a conflict when another user saved it since.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user lacks <see cref="Policies.EditarPuntajes"/>: nothing changes.</exception>
    public async Task<MeasurementChangeResult> UpdateAsync(int vigencia, int expectedRevision, MeasurementFormModel form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        if (form.Vigencia != vigencia)
        {
            return new(MeasurementChangeStatus.Invalid,
                $"La vigencia de una medición registrada no cambia: para pasar los puntajes a otra vigencia, registre una medición nueva y elimine la de {vigencia}.");
        }

        if (await InvalidAsync(form, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        await using var db = await OpenAuditedAsync(actor, cancellationToken);
        var (measurement, refusal) = await LoadAtRevisionAsync(db, vigencia, expectedRevision, ConflictMessage, cancellationToken);
        if (measurement is null)
        {
            return refusal!;
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, cancellationToken);
        if (RowsError(form, categories, vigencia) is { } rowsError)
        {
            return new(MeasurementChangeStatus.Invalid, rowsError);
        }

        try
        {
            measurement.SetDetails(form.DateValue, form.Source, form.OfficialIndex, form.State);
            SetScores(measurement, form, categories);
        }
        catch (DomainException ex)
        {
            return new(MeasurementChangeStatus.Invalid, ex.Message);
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return new(MeasurementChangeStatus.Done, $"La medición de la vigencia {vigencia} no tenía cambios que guardar.");
        }

        measurement.Touch();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(vigencia, ConflictMessage, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(MeasurementChangeStatus.Invalid, "No se pudo guardar la medición. Revise los datos y vuelva a intentarlo.");
        }

        return new(MeasurementChangeStatus.Done, $"Se guardó la medición de la vigencia {vigencia}.");
    }

    /// <summary>
    /// Deletes the measurement of <paramref name="vigencia"/> and its scores (each deletion audited), read at
    /// <paramref name="expectedRevision"/>. The metas of the vigencia stay.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user lacks <see cref="Policies.EditarPuntajes"/>: nothing changes.</exception>
    public async Task<MeasurementChangeResult> DeleteAsync(int vigencia, int expectedRevision, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        await using var db = await OpenAuditedAsync(actor, cancellationToken);
        var (measurement, refusal) = await LoadAtRevisionAsync(db, vigencia, expectedRevision, DeleteConflictMessage, cancellationToken);
        if (measurement is null)
        {
            return refusal!;
        }

        var scoreCount = measurement.Scores.Count;
        db.Scores.RemoveRange(measurement.Scores);
        db.Measurements.Remove(measurement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(vigencia, DeleteConflictMessage, cancellationToken);
        }

        return new(MeasurementChangeStatus.Done, $"Se eliminó la medición de la vigencia {vigencia} con sus {scoreCount} puntajes. Las metas se conservan.");
    }

    private static MeasurementFormModel FormFor(ScoringSnapshot data, int vigencia, Measurement? measurement)
    {
        var previous = data.Measurements.LastOrDefault(m => m.Vigencia < vigencia);
        var observations = measurement?.Scores.ToDictionary(s => s.CategoryId, s => s.Observation) ?? [];
        return new MeasurementFormModel
        {
            Vigencia = vigencia,
            Date = measurement?.Date?.ToDateTime(TimeOnly.MinValue),
            Source = measurement?.Source ?? Measurement.DefaultSource,
            State = measurement?.State ?? Measurement.DefaultState,
            OfficialIndexText = measurement?.OfficialIndex is { } index ? NumberTextOf(index) : null,
            Revision = measurement?.Revision ?? 0,
            PreviousVigencia = previous?.Vigencia,
            Rows = data.Categories
                .Where(c => c.AppliesTo(vigencia))
                .Select(c => new MeasurementRowModel
                {
                    CategoryId = c.Id,
                    CategoryName = c.Name,
                    ComponentName = c.Component.Name,
                    PreviousScore = previous is not null && c.AppliesTo(previous.Vigencia) ? data.ScoreOf(previous, c).ToString() : null,
                    PreviousInput = previous is not null && c.AppliesTo(previous.Vigencia) ? InputOf(data.ScoreOf(previous, c), observation: null) : null,
                    Input = measurement is null
                        ? new()
                        : InputOf(data.ScoreOf(measurement, c), observations.GetValueOrDefault(c.Id)),
                })
                .ToList(),
        };
    }

    private static ScoreRowInput InputOf(Score score, string? observation) => new()
    {
        Status = score.Status,
        ScoreText = score.Value is { } value ? EsCo.Number(value) : null,
        Observation = observation,
    };

    /// <summary>One decimal as the app writes it ("72,4"), or every decimal of an index recorded with more.</summary>
    private static string NumberTextOf(decimal value) =>
        decimal.Round(value, 1) == value ? EsCo.Number(value) : value.ToString(EsCo.Culture);

    private async Task<MeasurementChangeResult?> InvalidAsync(MeasurementFormModel form, CancellationToken cancellationToken)
    {
        var result = await _validator.ValidateAsync(form, cancellationToken);
        return result.IsValid ? null : new(MeasurementChangeStatus.Invalid, result.Errors[0].ErrorMessage);
    }

    /// <summary>A row for a category that does not exist or does not apply, or twice the same category: the catalog changed under the form.</summary>
    private static string? RowsError(MeasurementFormModel form, Dictionary<int, Category> categories, int vigencia)
    {
        foreach (var row in form.Rows)
        {
            if (!categories.TryGetValue(row.CategoryId, out var category))
            {
                return $"La categoría «{row.CategoryName}» ya no existe: recargue el formulario.";
            }

            if (!category.AppliesTo(vigencia))
            {
                return $"La categoría «{category.Name}» no aplica a la vigencia {vigencia}: recargue el formulario.";
            }
        }

        return form.Rows.GroupBy(r => r.CategoryId).FirstOrDefault(g => g.Count() > 1) is { } repeated
            ? $"La categoría «{repeated.First().CategoryName}» aparece más de una vez."
            : null;
    }

    private static void SetScores(Measurement measurement, MeasurementFormModel form, Dictionary<int, Category> categories)
    {
        foreach (var row in form.Rows)
        {
            measurement.SetScore(categories[row.CategoryId], row.Input.ToScore(), row.Input.Observation);
        }
    }

    /// <summary>A context whose saves are audited as <paramref name="actor"/>'s, in the same transaction.</summary>
    private async Task<GobiernoDigitalDbContext> OpenAuditedAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        return db;
    }

    /// <summary>
    /// The measurement of <paramref name="vigencia"/>, tracked with its scores, when it is still at
    /// <paramref name="expectedRevision"/>; otherwise null and the refusal to return (not found, or the conflict with the current values).
    /// </summary>
    private async Task<(Measurement? Measurement, MeasurementChangeResult? Refusal)> LoadAtRevisionAsync(
        GobiernoDigitalDbContext db, int vigencia, int expectedRevision, string conflictMessage, CancellationToken cancellationToken)
    {
        var measurement = await db.Measurements.Include(m => m.Scores).FirstOrDefaultAsync(m => m.Vigencia == vigencia, cancellationToken);
        if (measurement is null)
        {
            return (null, Missing(vigencia));
        }

        return measurement.Revision == expectedRevision
            ? (measurement, null)
            : (null, await ConflictAsync(vigencia, conflictMessage, cancellationToken));
    }

    private async Task<bool> ExistsAsync(int vigencia, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Measurements.AnyAsync(m => m.Vigencia == vigencia, cancellationToken);
    }

    private async Task<MeasurementChangeResult> ConflictAsync(int vigencia, string message, CancellationToken cancellationToken) =>
        await GetForEditAsync(vigencia, cancellationToken) is { } current
            ? new(MeasurementChangeStatus.Conflict, message, current)
            : Missing(vigencia);

    private static MeasurementChangeResult Duplicate(int vigencia) =>
        new(MeasurementChangeStatus.Duplicate, $"Ya existe una medición de la vigencia {vigencia}: ábrala para editarla.");

    private static MeasurementChangeResult Missing(int vigencia) =>
        new(MeasurementChangeStatus.NotFound, $"No hay una medición registrada para la vigencia {vigencia}: otro usuario pudo haberla eliminado.");
}
