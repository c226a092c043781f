using System.Text.Json;
using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GobiernoDigital.Core.Auditing;

/// <summary>Turns the change tracker's pending changes to domain records into audit entries.</summary>
internal static class AuditRecorder
{
    private static readonly Dictionary<Type, string> AuditedTypes = new()
    {
        [typeof(PublicEntity)] = "Entidad",
        [typeof(Component)] = "Componente",
        [typeof(Category)] = "Categoría",
        [typeof(Measurement)] = "Medición",
        [typeof(CategoryScore)] = "Puntaje",
        [typeof(Target)] = "Meta",
        [typeof(ImprovementPlan)] = "Plan de mejoramiento",
        [typeof(Finding)] = "Hallazgo",
        [typeof(ImprovementAction)] = "Acción de mejora",
        [typeof(ActionEvidence)] = "Evidencia",
        [typeof(PeerAverage)] = "Promedio del grupo par",
        [typeof(Scenario)] = "Escenario",
    };

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, string EntityType, Dictionary<string, object?>? OldValues);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!AuditedTypes.TryGetValue(entry.Metadata.ClrType, out var type))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditAction.Creado, type, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditAction.Eliminado, type, Values(entry, original: true, onlyModified: false)));
                    break;
                case EntityState.Modified:
                    var changed = Values(entry, original: true, onlyModified: true);
                    if (changed.Count > 0)
                    {
                        pending.Add(new Pending(entry, AuditAction.Modificado, type, changed));
                    }

                    break;
            }
        }

        return pending;
    }

    /// <summary>Called after the save, when generated keys are known.</summary>
    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending, AuditActor actor, DateTime occurredAtUtc) =>
        pending.Select(p => new AuditEntry
        {
            OccurredAtUtc = occurredAtUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = p.Action,
            EntityType = p.EntityType,
            EntityKey = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
            CategoryId = CategoryOf(p.Entry),
            OldValues = p.OldValues is null ? null : JsonSerializer.Serialize(p.OldValues),
            NewValues = p.Action == AuditAction.Eliminado
                ? null
                : JsonSerializer.Serialize(p.Action == AuditAction.Creado
                    ? Values(p.Entry, original: false, onlyModified: false)
                    : p.OldValues!.Keys.ToDictionary(k => k, k => p.Entry.Property(k).CurrentValue)),
        });

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original, bool onlyModified) =>
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty())
            // The revision counter changes on every save; alone it is not a change anyone needs to read about.
            .Where(p => !onlyModified || (p.IsModified && !p.Metadata.IsConcurrencyToken && !Equals(p.OriginalValue, p.CurrentValue)))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);

    private static int? CategoryOf(EntityEntry entry) => entry.Entity switch
    {
        Category c => c.Id,
        CategoryScore s => s.CategoryId,
        Target t => t.CategoryId,
        Finding f => f.CategoryId,
        ImprovementAction { Finding: { } f } => f.CategoryId,
        PeerAverage p => p.CategoryId,
        _ => null,
    };
}
