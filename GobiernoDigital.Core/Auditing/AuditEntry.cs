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

    /// <summary>The record's name as users know it ("Transparencia, vigencia 2023"); null on entries written before it existed.</summary>
    public string? RecordName { get; set; }

    /// <summary>
    /// The changed fields as the user saw them, as JSON: a list of <see cref="AuditChangeText"/> (Spanish label, value
    /// before, value after). Null on entries written before it existed: those are read from the raw values.
    /// </summary>
    public string? Changes { get; set; }

    /// <summary>
    /// One line per record of a bulk operation (a plan re-issue, a score import), as a JSON list of strings; null on
    /// an entry about one record.
    /// </summary>
    public string? Details { get; set; }

    /// <summary>Values before the change as JSON (property → value); null when created.</summary>
    public string? OldValues { get; set; }

    /// <summary>Values after the change as JSON (property → value); null when deleted.</summary>
    public string? NewValues { get; set; }
}

/// <summary>One changed field as the user saw it: "Estado de la acción", "No iniciada", "En curso".</summary>
/// <param name="Field">The Spanish label.</param>
/// <param name="Before">The value before; null when the record was created.</param>
/// <param name="After">The value after; null when the record was deleted.</param>
public sealed record AuditChangeText(string Field, string? Before, string? After)
{
    /// <summary>"Estado de la acción: No iniciada → En curso"; "Meta: 80,0" for a created or deleted record.</summary>
    public override string ToString() => (Before, After) switch
    {
        (null, var after) => $"{Field}: {after}",
        (var before, null) => $"{Field}: {before}",
        var (before, after) => $"{Field}: {before} → {after}",
    };
}

/// <summary>
/// Marks a unit of work as one bulk operation: its saves record ONE summary entry of kind <paramref name="Kind"/>, with
/// the counts of records per kind and one detail line per record, instead of one entry per record.
/// </summary>
/// <param name="Kind">The kind of the summary entry (<see cref="AuditCatalog.ImportKind"/>, <see cref="AuditCatalog.PlanReIssueKind"/>).</param>
/// <param name="Name">The summary's name (the file's name); null to use the main record's.</param>
/// <param name="MainType">The record whose fields the summary lists (the new plan); its name names the summary.</param>
/// <param name="DetailValues">Whether each detail line lists the record's changed values (an import), or only names the record (a re-issue's copies).</param>
public sealed record AuditBatch(string Kind, string? Name = null, Type? MainType = null, bool DetailValues = true);

/// <summary>Who is changing data in a unit of work; set by the service before it saves.</summary>
public sealed record AuditActor(string UserId, string UserName);
