namespace GobiernoDigital.Core.Auditing;

/// <summary>
/// Entries about records the change tracker does not audit (accounts, kept by ASP.NET Core Identity): written with the
/// same catalog as every other entry, listing only the fields that changed.
/// </summary>
public static class AuditEntryFactory
{
    /// <summary>An entry about <paramref name="recordName"/>; for a change, only the fields whose values differ are kept.</summary>
    /// <param name="type">The kind of record, e.g. <see cref="AuditCatalog.Users"/>.</param>
    /// <param name="action">Created, modified or deleted.</param>
    /// <param name="key">The record's key (an account's id).</param>
    /// <param name="recordName">The record as users know it (an account's display name and user name).</param>
    /// <param name="before">The fields before; null when created.</param>
    /// <param name="after">The fields after; null when deleted.</param>
    /// <param name="actor">Who made the change.</param>
    /// <param name="occurredAtUtc">When, in UTC.</param>
    public static AuditEntry Create(
        AuditRecordType type,
        AuditAction action,
        string key,
        string recordName,
        IReadOnlyDictionary<string, object?>? before,
        IReadOnlyDictionary<string, object?>? after,
        AuditActor actor,
        DateTime occurredAtUtc)
    {
        var changed = action == AuditAction.Modificado && before is not null && after is not null
            ? after.Keys.Concat(before.Keys).Distinct().Where(k => !Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k))).ToHashSet()
            : null;
        var oldValues = changed is null ? before : before!.Where(p => changed.Contains(p.Key)).ToDictionary();
        var newValues = changed is null ? after : after!.Where(p => changed.Contains(p.Key)).ToDictionary();
        return new AuditEntry
        {
            OccurredAtUtc = occurredAtUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = type.Name,
            EntityKey = key,
            RecordName = recordName,
            Changes = AuditJson.Write(AuditRecorder.Describe(type, action, oldValues, newValues, AuditNames.None)),
            OldValues = oldValues is null ? null : AuditJson.Write(oldValues),
            NewValues = newValues is null ? null : AuditJson.Write(newValues),
        };
    }
}
