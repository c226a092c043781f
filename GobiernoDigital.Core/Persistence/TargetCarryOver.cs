using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Persistence;

/// <summary>Metas of a new measurement start as the previous vigencia's, whether it is recorded by the form or by a file.</summary>
public static class TargetCarryOver
{
    /// <summary>
    /// Adds (not saved) to <paramref name="db"/> a meta for each category of <paramref name="categoryIds"/> that has none for
    /// <paramref name="vigencia"/> — neither stored nor pending in this context — copying the meta of the latest earlier
    /// vigencia that has one. Without any, the meta stays the default 100 and nothing is added.
    /// </summary>
    /// <remarks>The previous vigencia's explanation for the message: "Las metas empiezan como las de la vigencia anterior".</remarks>
    public static async Task AddForNewMeasurementAsync(GobiernoDigitalDbContext db, int vigencia, IReadOnlyCollection<int> categoryIds, CancellationToken cancellationToken = default)
    {
        var stored = await db.Targets.AsNoTracking()
            .Where(t => t.Vigencia <= vigencia && categoryIds.Contains(t.CategoryId))
            .Select(t => new { t.CategoryId, t.Vigencia, t.Value })
            .ToListAsync(cancellationToken);
        var pending = db.Targets.Local.Where(t => t.Vigencia == vigencia).Select(t => t.CategoryId).ToHashSet();
        foreach (var categoryId in categoryIds)
        {
            var own = stored.Where(t => t.CategoryId == categoryId).ToList();
            if (pending.Contains(categoryId) || own.Any(t => t.Vigencia == vigencia) || own.MaxBy(t => t.Vigencia) is not { } latest)
            {
                continue;
            }

            db.Targets.Add(new Target(categoryId, vigencia, latest.Value));
        }
    }
}
