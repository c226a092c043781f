using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>The outcome of an edit: done, or a Spanish message saying why nothing changed.</summary>
public sealed record EditResult(bool Succeeded, string? Error = null)
{
    public static EditResult Ok { get; } = new(true);

    public static EditResult Fail(string error) => new(false, error);
}

/// <summary>
/// What the category edit page shows for one vigencia, as stored: the score, its observation and the meta, and the
/// <see cref="Measurement.Revision"/> they were read at. The page sends it back as the state its save expects.
/// </summary>
public sealed record CategoryEditState(int Vigencia, int Revision, Score Score, string? Observation, decimal Target)
{
    /// <summary>The values in words, as the conflict message quotes them.</summary>
    public string Describe() =>
        $"puntaje {Score}; meta {EsCo.Number(Target)}; " +
        (Observation is null ? "sin observación" : $"observación «{Observation}»");
}

/// <summary>
/// How a save from the category edit page ended. On a conflict, <see cref="Current"/> holds the values another user
/// saved, to show instead of the stale ones.
/// </summary>
public sealed record CategoryEditResult(bool Succeeded, string Message, CategoryEditState? Current = null);

/// <summary>Changes one category's score or meta for a vigencia. Guarded by a policy and audited.</summary>
/// <remarks>
/// The category edit page saves score, observation and meta together with <see cref="SaveAsync"/>, in one transaction
/// checked against the <see cref="CategoryEditState"/> it read (the measurement's revision, a concurrency token, and
/// the meta), so that a page opened before another editor's save is refused instead of overwriting it.
/// </remarks>
public sealed class ScoreEditingService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The start of the refusal of a stale save; the current values follow it.</summary>
    public const string ConflictMessage =
        "Otro usuario guardó esta categoría mientras usted tenía la página abierta: no se guardó ningún cambio.";

    /// <summary>
    /// The stored score, observation and meta of <paramref name="categoryId"/> in the measurement of
    /// <paramref name="vigencia"/>, with the measurement's revision; null when the category or the measurement does not exist.
    /// </summary>
    public async Task<CategoryEditState?> GetForEditAsync(int categoryId, int vigencia, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measurement = await db.Measurements.AsNoTracking()
            .Where(m => m.Vigencia == vigencia)
            .Select(m => new { m.Id, m.Revision })
            .FirstOrDefaultAsync(cancellationToken);
        if (measurement is null || !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            return null;
        }

        var score = await db.Scores.AsNoTracking()
            .FirstOrDefaultAsync(s => s.MeasurementId == measurement.Id && s.CategoryId == categoryId, cancellationToken);
        var target = await db.Targets.AsNoTracking()
            .Where(t => t.CategoryId == categoryId && t.Vigencia == vigencia)
            .Select(t => (decimal?)t.Value)
            .FirstOrDefaultAsync(cancellationToken);
        return new CategoryEditState(vigencia, measurement.Revision, score?.Score ?? Score.NotMeasured, score?.Observation, target ?? Target.Default);
    }

    /// <summary>
    /// Saves the score, the observation and the meta of a category for a measured vigencia in one transaction, when
    /// the stored values are still those of <paramref name="expected"/> (the state the page read); otherwise nothing
    /// changes and the result is a conflict with the current values. Needs both <see cref="Policies.EditarPuntajes"/>
    /// and <see cref="Policies.EditarMetas"/>.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user lacks either policy: nothing changes.</exception>
    public async Task<CategoryEditResult> SaveAsync(
        int categoryId, CategoryEditState expected, Score score, string? observation, decimal target, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        await guard.DemandAsync(Policies.EditarMetas);
        var vigencia = expected.Vigencia;
        if (target is < 0m or > 100m)
        {
            return new(false, "La meta debe estar entre 0 y 100.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return new(false, "La categoría no existe.");
        }

        if (!category.AppliesTo(vigencia))
        {
            return new(false, $"La categoría «{category.Name}» no aplica a la vigencia {vigencia}.");
        }

        var measurement = await db.Measurements.Include(m => m.Scores).FirstOrDefaultAsync(m => m.Vigencia == vigencia, cancellationToken);
        if (measurement is null)
        {
            return new(false, $"No hay una medición registrada para la vigencia {vigencia}: otro usuario pudo haberla eliminado.");
        }

        var targetRow = await db.Targets.FirstOrDefaultAsync(t => t.CategoryId == categoryId && t.Vigencia == vigencia, cancellationToken);
        if (measurement.Revision != expected.Revision || (targetRow?.Value ?? Target.Default) != expected.Target)
        {
            // The meta has no revision of its own: the metas grid may change it without touching the measurement.
            return await ConflictAsync(categoryId, vigencia, cancellationToken);
        }

        try
        {
            measurement.SetScore(category, score, observation);
            if (targetRow is not null)
            {
                targetRow.Change(target);
            }
            else if (target != Target.Default)
            {
                db.Targets.Add(new Target(categoryId, vigencia, target));
            }
        }
        catch (DomainException ex)
        {
            return new(false, ex.Message);
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return new(true, $"El puntaje y la meta de la vigencia {vigencia} no tenían cambios que guardar.");
        }

        // Every save from this page bumps the revision, also a meta-only one, so that two pages racing on the same
        // category meet at the measurement's concurrency token and the later one is refused.
        measurement.Touch();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (the revision moved) or the unique index on the meta (another first meta).
            return await ConflictAsync(categoryId, vigencia, cancellationToken);
        }

        return new(true, $"Se guardaron el puntaje, la observación y la meta de la vigencia {vigencia}.");
    }

    private async Task<CategoryEditResult> ConflictAsync(int categoryId, int vigencia, CancellationToken cancellationToken) =>
        await GetForEditAsync(categoryId, vigencia, cancellationToken) is { } current
            ? new(false, $"{ConflictMessage} Valores actuales de la vigencia {vigencia}: {current.Describe()}. Se muestran en el formulario; revíselos y vuelva a hacer sus cambios.", current)
            : new(false, $"No hay una medición registrada para la vigencia {vigencia}: otro usuario pudo haberla eliminado.");

    /// <summary>Sets the score of a category in the measurement of a vigencia (policy <see cref="Policies.EditarPuntajes"/>).</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy: nothing changes.</exception>
    public async Task<EditResult> SetScoreAsync(int categoryId, int vigencia, Score score, string? observation, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return EditResult.Fail("La categoría no existe.");
        }

        if (!category.AppliesTo(vigencia))
        {
            return EditResult.Fail($"La categoría «{category.Name}» no aplica a la vigencia {vigencia}.");
        }

        var measurement = await db.Measurements.Include(m => m.Scores).FirstOrDefaultAsync(m => m.Vigencia == vigencia, cancellationToken);
        if (measurement is null)
        {
            return EditResult.Fail($"No hay una medición registrada para la vigencia {vigencia}.");
        }

        measurement.SetScore(category, score, observation);
        if (db.ChangeTracker.HasChanges())
        {
            // A form open on this measurement must now get the conflict instead of overwriting this score.
            measurement.Touch();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Fail($"Otro usuario guardó la medición de la vigencia {vigencia} al mismo tiempo: no se guardó el puntaje. Recargue y vuelva a intentarlo.");
        }

        return EditResult.Ok;
    }

    /// <summary>Sets the meta (0–100) of a category for a vigencia (policy <see cref="Policies.EditarMetas"/>).</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy: nothing changes.</exception>
    public async Task<EditResult> SetTargetAsync(int categoryId, int vigencia, decimal value, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarMetas);
        if (value is < 0m or > 100m)
        {
            return EditResult.Fail("La meta debe estar entre 0 y 100.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        if (vigencia is < Measurement.MinVigencia or > Measurement.MaxVigencia)
        {
            return EditResult.Fail($"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.");
        }

        // A meta may be set before the vigencia is measured, but only for a category that applies to it.
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return EditResult.Fail("La categoría no existe.");
        }

        if (!category.AppliesTo(vigencia))
        {
            return EditResult.Fail($"La categoría «{category.Name}» no aplica a la vigencia {vigencia}.");
        }

        var target = await db.Targets.FirstOrDefaultAsync(t => t.CategoryId == categoryId && t.Vigencia == vigencia, cancellationToken);
        if (target is null)
        {
            if (value == Target.Default)
            {
                return EditResult.Ok; // Already the meta without a row: nothing to record.
            }

            db.Targets.Add(new Target(categoryId, vigencia, value));
        }
        else
        {
            target.Change(value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }
}
