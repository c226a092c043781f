using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GobiernoDigital.Core.Auditing;

/// <summary>
/// Turns the change tracker's pending changes to domain records into audit entries that read like a register: the
/// kind and name of each record, and only the fields that changed, with Spanish labels and values as the user saw them
/// (<see cref="AuditCatalog"/>). A bulk operation (<see cref="AuditBatch"/>) becomes one summary entry.
/// </summary>
internal static class AuditRecorder
{
    /// <summary>Lines of a bulk entry kept in <see cref="AuditEntry.Details"/>; the count of the rest is said in the last line.</summary>
    public const int MaxDetailLines = 2000;

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, AuditRecordType Type, Dictionary<string, object?>? OldValues);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (AuditCatalog.For(entry.Metadata.ClrType) is not { } type)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditAction.Creado, type, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditAction.Eliminado, type, Values(entry, type, original: true, onlyModified: false)));
                    break;
                case EntityState.Modified:
                    var changed = Values(entry, type, original: true, onlyModified: true);
                    if (changed.Count > 0)
                    {
                        pending.Add(new Pending(entry, AuditAction.Modificado, type, changed));
                    }

                    break;
            }
        }

        return pending;
    }

    /// <summary>Called after the save (in its transaction), when generated keys are known and names can be read.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> CompleteAsync(
        GobiernoDigitalDbContext db, IReadOnlyList<Pending> pending, AuditActor actor, DateTime occurredAtUtc, AuditBatch? batch, CancellationToken cancellationToken)
    {
        var names = await AuditNames.LoadAsync(db, cancellationToken);
        var entries = pending.Select(p => Entry(p, names, actor, occurredAtUtc)).ToList();
        return batch is null ? entries : [Summary(batch, pending, entries, actor, occurredAtUtc)];
    }

    /// <summary>The changes of a record as stored in <see cref="AuditEntry.Changes"/>.</summary>
    public static List<AuditChangeText> Describe(
        AuditRecordType type, AuditAction action, IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, AuditNames names)
    {
        // In the catalog's order (the order of the form), fields it does not know last.
        var order = type.Fields.Keys.Select((key, index) => (key, index)).ToDictionary(p => p.key, p => p.index);
        var properties = (before?.Keys ?? []).Concat((after?.Keys ?? []).Where(k => before?.ContainsKey(k) != true))
            .OrderBy(k => order.GetValueOrDefault(k, int.MaxValue));
        var changes = new List<AuditChangeText>();
        foreach (var property in properties)
        {
            if (type.Hidden.Contains(property) || AuditCatalog.AlwaysHidden.Contains(property))
            {
                continue;
            }

            var field = type.Field(property);
            // A field with no value before (a password reset) reads as what happened: "Contraseña: restablecida".
            var hadBefore = action != AuditAction.Creado && (action == AuditAction.Eliminado || before?.ContainsKey(property) == true);
            var old = hadBefore ? field.Format(before?.GetValueOrDefault(property), names) : null;
            var now = action == AuditAction.Eliminado ? null : field.Format(after?.GetValueOrDefault(property), names);
            // A created or deleted record lists what it holds; its empty fields say nothing.
            if ((action == AuditAction.Creado && now == AuditValues.Empty) || (action == AuditAction.Eliminado && old == AuditValues.Empty))
            {
                continue;
            }

            // A modified record lists only what changed as the user reads it.
            if (action == AuditAction.Modificado && old == now)
            {
                continue;
            }

            changes.Add(new AuditChangeText(field.Label, old, now));
        }

        return changes;
    }

    /// <summary>"Creado", "Modificado", "Eliminado" as one word in a detail line.</summary>
    public static string Word(AuditAction action) => action switch
    {
        AuditAction.Creado => "Creado",
        AuditAction.Eliminado => "Eliminado",
        _ => "Modificado",
    };

    private static AuditEntry Entry(Pending p, AuditNames names, AuditActor actor, DateTime occurredAtUtc)
    {
        var newValues = p.Action switch
        {
            AuditAction.Eliminado => null,
            AuditAction.Creado => Values(p.Entry, p.Type, original: false, onlyModified: false),
            _ => p.OldValues!.Keys.ToDictionary(k => k, k => p.Entry.Property(k).CurrentValue),
        };
        return new AuditEntry
        {
            OccurredAtUtc = occurredAtUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = p.Action,
            EntityType = p.Type.Name,
            EntityKey = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
            RecordName = Cut(p.Type.Describe?.Invoke(p.Entry.Entity, names), 300),
            CategoryId = CategoryOf(p.Entry, names),
            Changes = AuditJson.Write(Describe(p.Type, p.Action, p.OldValues, newValues, names)),
            OldValues = p.OldValues is null ? null : AuditJson.Write(p.OldValues),
            NewValues = newValues is null ? null : AuditJson.Write(newValues),
        };
    }

    private static AuditEntry Summary(AuditBatch batch, IReadOnlyList<Pending> pending, List<AuditEntry> entries, AuditActor actor, DateTime occurredAtUtc)
    {
        var mainIndex = batch.MainType is null ? -1 : pending.ToList().FindIndex(p => p.Entry.Metadata.ClrType == batch.MainType);
        var main = mainIndex >= 0 ? entries[mainIndex] : null;
        var changes = main is null ? [] : AuditJson.Changes(main.Changes);
        changes.AddRange(entries
            .Where(e => !ReferenceEquals(e, main))
            .GroupBy(e => e.EntityType)
            .Select(g => new AuditChangeText(g.Key, null, Counts(g))));

        var details = entries
            .Where(e => !ReferenceEquals(e, main))
            .Select(e => DetailLine(e, batch.DetailValues))
            .ToList();
        if (details.Count > MaxDetailLines)
        {
            var rest = details.Count - MaxDetailLines;
            details = [.. details.Take(MaxDetailLines), $"… y {rest} registros más."];
        }

        var categories = entries.Select(e => e.CategoryId).Distinct().ToList();
        return new AuditEntry
        {
            OccurredAtUtc = occurredAtUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = main?.Action ?? AuditAction.Modificado,
            EntityType = batch.Kind,
            EntityKey = main?.EntityKey ?? string.Empty,
            RecordName = Cut(batch.Name ?? main?.RecordName, 300),
            CategoryId = categories.Count == 1 ? categories[0] : null,
            Changes = AuditJson.Write(changes),
            Details = AuditJson.Write(details),
        };
    }

    private static string DetailLine(AuditEntry entry, bool withValues)
    {
        var head = $"{Word(entry.Action)} · {entry.EntityType} · {entry.RecordName ?? entry.EntityKey}";
        if (!withValues)
        {
            return head;
        }

        var changes = AuditJson.Changes(entry.Changes);
        return changes.Count == 0 ? head : $"{head}: {string.Join("; ", changes)}";
    }

    // "2 creaciones, 15 modificaciones": nouns, so the count agrees with any kind of record.
    private static string Counts(IEnumerable<AuditEntry> entries) =>
        string.Join(", ", entries
            .GroupBy(e => e.Action)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() + " " + (g.Key, g.Count() == 1) switch
            {
                (AuditAction.Creado, true) => "creación",
                (AuditAction.Creado, false) => "creaciones",
                (AuditAction.Eliminado, true) => "eliminación",
                (AuditAction.Eliminado, false) => "eliminaciones",
                (_, true) => "modificación",
                _ => "modificaciones",
            }));

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    private static Dictionary<string, object?> Values(EntityEntry entry, AuditRecordType type, bool original, bool onlyModified) =>
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty())
            // Revision counters, stamps and display orders change without anyone needing to read about them.
            .Where(p => !p.Metadata.IsConcurrencyToken && !type.Hidden.Contains(p.Metadata.Name) && !AuditCatalog.AlwaysHidden.Contains(p.Metadata.Name))
            .Where(p => !onlyModified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);

    private static int? CategoryOf(EntityEntry entry, AuditNames names) => entry.Entity switch
    {
        Category c => c.Id,
        CategoryScore s => s.CategoryId,
        Target t => t.CategoryId,
        Finding f => f.CategoryId,
        ImprovementAction a => a.Finding?.CategoryId ?? names.CategoryOfFinding(a.FindingId),
        ActionEvidence e => names.CategoryOfAction(e.ActionId),
        PeerAverage p => p.CategoryId,
        _ => null,
    };
}
