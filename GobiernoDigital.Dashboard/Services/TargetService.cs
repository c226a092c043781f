using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>The metas grid: reads every category's meta per vigencia and saves the changed cells all at once.</summary>
/// <remarks>
/// A meta set back to 100 keeps its row (with 100), so the audit trail reads as a change of the value; without a row
/// the meta is 100 as well, so both read the same everywhere.
/// </remarks>
public sealed class TargetService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The plan's horizon: its actions end on 31/12/2027, so the grid always reaches that vigencia.</summary>
    public const int PlanHorizonVigencia = 2027;

    private readonly TargetCellValidator _validator = new();

    /// <summary>
    /// Columns from the first measured vigencia to max(latest measured + 1, <see cref="PlanHorizonVigencia"/>); without
    /// measurements, from last year (the vigencia FURAG asks about this year). Rows: the categories that apply to at
    /// least one of those vigencias, grouped by component, in catalog order.
    /// </summary>
    public async Task<TargetGridModel> GetGridAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measured = await db.Measurements.AsNoTracking().Select(m => m.Vigencia).OrderBy(v => v).ToListAsync(cancellationToken);
        var first = measured.Count > 0 ? measured[0] : clock.GetUtcNow().Year - 1;
        var last = Math.Max(measured.Count > 0 ? measured[^1] + 1 : first + 1, PlanHorizonVigencia);
        var vigencias = Enumerable.Range(first, last - first + 1).ToList();

        var components = await db.Components.AsNoTracking()
            .Include(c => c.Categories)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.Vigencia >= first && t.Vigencia <= last)
            .ToDictionaryAsync(t => (t.CategoryId, t.Vigencia), t => t.Value, cancellationToken);

        return new TargetGridModel(
            vigencias,
            components
                .Select(component => new TargetGridComponent(
                    component.Id,
                    component.Name,
                    component.Categories
                        .Where(c => vigencias.Any(c.AppliesTo))
                        .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id)
                        .Select(c => new TargetGridRow(c.Id, c.Name, vigencias
                            .Select(v => targets.TryGetValue((c.Id, v), out var value)
                                ? new TargetGridCell(v, c.AppliesTo(v), value, IsDefault: false)
                                : new TargetGridCell(v, c.AppliesTo(v), Target.Default, IsDefault: true))
                            .ToList(), c.FirstVigencia, c.RetiredFromVigencia))
                        .ToList()))
                .Where(c => c.Categories.Count > 0)
                .ToList());
    }

    /// <summary>
    /// Saves the changed cells in one transaction (policy <see cref="Policies.EditarMetas"/>). Every cell is checked
    /// first: any error, and nothing is saved. A cell whose meta another editor changed since the grid was read is an error.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not edit metas: nothing changes.</exception>
    public async Task<TargetSaveResult> SaveAsync(IReadOnlyList<TargetCellChange> changes, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarMetas);
        if (changes.Count == 0)
        {
            return TargetSaveResult.Done(0);
        }

        if (changes.CountBy(c => (c.CategoryId, c.Vigencia)).Any(g => g.Value > 1))
        {
            return TargetSaveResult.Fail("La misma meta aparece dos veces en los cambios. Recargue la página e intente de nuevo.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var categoryIds = changes.Select(c => c.CategoryId).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var targets = await db.Targets.Where(t => categoryIds.Contains(t.CategoryId)).ToDictionaryAsync(t => (t.CategoryId, t.Vigencia), cancellationToken);

        var errors = new Dictionary<(int CategoryId, int Vigencia), string>();
        var valid = new List<(TargetCellChange Change, decimal Value)>();
        foreach (var change in changes)
        {
            var key = (change.CategoryId, change.Vigencia);
            if (CheckCell(change, categories, targets) is { } error)
            {
                errors[key] = error;
            }
            else
            {
                valid.Add((change, NumberText.Parse(change.Text)!.Value));
            }
        }

        if (errors.Count > 0)
        {
            return new TargetSaveResult(0, errors);
        }

        var saved = 0;
        foreach (var (change, value) in valid)
        {
            if (targets.TryGetValue((change.CategoryId, change.Vigencia), out var target))
            {
                if (target.Value != value)
                {
                    target.Change(value);
                    saved++;
                }
            }
            else if (value != Target.Default)
            {
                db.Targets.Add(new Target(change.CategoryId, change.Vigencia, value));
                saved++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return TargetSaveResult.Fail("No se pudo guardar: otra persona cambió las metas al mismo tiempo. Recargue la página e intente de nuevo.");
        }

        return TargetSaveResult.Done(saved);
    }

    private string? CheckCell(
        TargetCellChange change,
        IReadOnlyDictionary<int, Category> categories,
        IReadOnlyDictionary<(int, int), Target> targets)
    {
        if (_validator.ErrorFor(change.Text) is { } invalid)
        {
            return invalid;
        }

        if (change.Vigencia is < Measurement.MinVigencia or > Measurement.MaxVigencia)
        {
            return $"La vigencia debe estar entre {Measurement.MinVigencia} y {Measurement.MaxVigencia}.";
        }

        if (!categories.TryGetValue(change.CategoryId, out var category))
        {
            return "La categoría no existe; quizá otra persona la eliminó. Recargue la página.";
        }

        if (!category.AppliesTo(change.Vigencia))
        {
            return $"La categoría «{category.Name}» no aplica a la vigencia {change.Vigencia}.";
        }

        var current = targets.TryGetValue((change.CategoryId, change.Vigencia), out var target) ? target.Value : Target.Default;
        return current == change.OriginalValue
            ? null
            : $"Otra persona cambió esta meta a {EsCo.Number(current)} mientras usted editaba. Recargue la página para ver el valor actual.";
    }
}
