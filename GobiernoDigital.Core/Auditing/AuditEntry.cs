namespace GobiernoDigital.Core.Auditing;

/// <summary>What happened to a record.</summary>
public enum AuditAction
{
    Creado = 0,
    Modificado = 1,
    Eliminado = 2,
}

/// <summary>One change to data that users edit: who, when (UTC), which record, and its values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the change was saved, in UTC (shown in Colombia's time).</summary>
    public DateTime OccurredAtUtc { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>The kind of record, in Spanish (e.g. "Puntaje", "Meta", "Usuario").</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>The record's key.</summary>
    public string EntityKey { get; set; } = string.Empty;

    /// <summary>The category the change concerns, when there is one (for the filter).</summary>
    public int? CategoryId { get; set; }

    /// <summary>Values before the change as JSON (property → value); null when created.</summary>
    public string? OldValues { get; set; }

    /// <summary>Values after the change as JSON (property → value); null when deleted.</summary>
    public string? NewValues { get; set; }
}

/// <summary>Who is changing data in a unit of work; set by the service before it saves.</summary>
public sealed record AuditActor(string UserId, string UserName);
