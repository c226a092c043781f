using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// The peer-group averages (<em>grupo par</em>) FURAG publishes beside the entity's result, recorded by an editor per
/// category and measured vigencia. Saving is guarded by <see cref="Policies.EditarPuntajes"/>, audited, and
/// all-or-nothing.
/// </summary>
public sealed class PeerAverageService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The message of a refused save; the grid shows it too when its own validation stops the save.</summary>
    public const string CellsRefused = "Revise las celdas marcadas: no se guardó ningún cambio.";

    private readonly PeerAverageValidator _validator = new();

    /// <summary>
    /// Every category that applies to at least one measured vigencia, grouped by component, with its peer average in each
    /// measured vigencia. Read-only.
    /// </summary>
    public async Task<PeerGridModel> GetGridAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var vigencias = snapshot.Measurements.Select(m => m.Vigencia).Order().ToList();
        var components = snapshot.Categories
            .Where(c => vigencias.Any(c.AppliesTo))
            .GroupBy(c => (c.ComponentId, c.Component.Name)) // The snapshot orders categories by component first.
            .Select(g => new PeerGridComponent(
                g.Key.Name,
                g.Select(c => new PeerGridRow(
                    c.Id,
                    c.Name,
                    vigencias.Select(v => new PeerGridCell(v, c.AppliesTo(v), snapshot.PeerAverageOf(c.Id, v))).ToList()))
                .ToList()))
            .ToList();
        return new PeerGridModel(vigencias, components);
    }

    /// <summary>
    /// Saves the changed cells in one transaction: a number adds or changes the peer average, an empty cell removes it.
    /// When any cell is refused (not a number 0–100 with at most one decimal, a vigencia without a measurement, a
    /// category that does not apply to the vigencia), nothing is saved and every refused cell gets its message.
    /// </summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy: nothing changes.</exception>
    public async Task<PeerSaveResult> SaveAsync(IReadOnlyList<PeerCellChange> changes, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        if (changes.Count == 0)
        {
            return PeerSaveResult.Saved(0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var measured = (await db.Measurements.AsNoTracking().Select(m => m.Vigencia).ToListAsync(cancellationToken)).ToHashSet();
        var errors = changes
            .Select(change => Refusal(change, categories, measured, changes))
            .OfType<PeerCellError>()
            .ToList();
        if (errors.Count > 0)
        {
            return PeerSaveResult.Fail(CellsRefused, errors);
        }

        var vigencias = changes.Select(c => c.Vigencia).Distinct().ToList();
        var existing = await db.PeerAverages
            .Where(p => vigencias.Contains(p.Vigencia))
            .ToDictionaryAsync(p => (p.CategoryId, p.Vigencia), cancellationToken);
        var changed = 0;
        foreach (var change in changes)
        {
            var value = new PeerAverageInput { Text = change.Text }.ToValue();
            var row = existing.GetValueOrDefault((change.CategoryId, change.Vigencia));
            if (value is null)
            {
                if (row is not null)
                {
                    db.PeerAverages.Remove(row);
                    changed++;
                }
            }
            else if (row is null)
            {
                db.PeerAverages.Add(new PeerAverage(change.CategoryId, change.Vigencia, value.Value));
                changed++;
            }
            else if (row.Value != value.Value)
            {
                row.Change(value.Value);
                changed++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on (category, vigencia): another editor saved the same cell meanwhile.
            return PeerSaveResult.Fail("Otra persona guardó promedios del grupo par al mismo tiempo: no se guardó ningún cambio. Recargue la página e intente de nuevo.");
        }
        catch (DomainException ex)
        {
            return PeerSaveResult.Fail(ex.Message);
        }

        return PeerSaveResult.Saved(changed);
    }

    private PeerCellError? Refusal(PeerCellChange change, Dictionary<int, Category> categories, HashSet<int> measured, IReadOnlyList<PeerCellChange> all)
    {
        string? Message()
        {
            if (!categories.TryGetValue(change.CategoryId, out var category))
            {
                return "La categoría no existe.";
            }

            if (!measured.Contains(change.Vigencia))
            {
                return $"No hay una medición registrada para la vigencia {change.Vigencia}.";
            }

            if (!category.AppliesTo(change.Vigencia))
            {
                return $"La categoría «{category.Name}» no aplica a la vigencia {change.Vigencia}.";
            }

            if (all.Count(c => c.CategoryId == change.CategoryId && c.Vigencia == change.Vigencia) > 1)
            {
                return "La celda aparece dos veces entre los cambios: recargue la página.";
            }

            return _validator.Messages(change.Text).FirstOrDefault();
        }

        return Message() is { } message ? new PeerCellError(change.CategoryId, change.Vigencia, message) : null;
    }
}
