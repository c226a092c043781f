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

/// <summary>Changes one category's score or meta for a vigencia. Guarded by a policy and audited.</summary>
public sealed class ScoreEditingService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
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
