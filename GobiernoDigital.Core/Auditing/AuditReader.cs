using System.Text.Json;

namespace GobiernoDigital.Core.Auditing;

/// <summary>An audit entry as the trail shows it: the record's name, the changed fields, and the detail lines of a bulk entry.</summary>
/// <param name="RecordName">"Transparencia, vigencia 2023"; for an account, its display name, never its id.</param>
/// <param name="Changes">Only the fields that changed, with Spanish labels and values.</param>
/// <param name="Details">The detail lines of a bulk entry (at most the number asked for).</param>
/// <param name="DetailCount">How many detail lines the entry holds in all.</param>
public sealed record AuditReading(string RecordName, IReadOnlyList<AuditChangeText> Changes, IReadOnlyList<string> Details, int DetailCount);

/// <summary>
/// Reads stored entries. Entries written since the trail reads like a register hold their Spanish text; older entries
/// hold raw values (English property names, ids, enum numbers) and are read through the same <see cref="AuditCatalog"/>,
/// showing only the fields whose values differ.
/// </summary>
public static class AuditReader
{
    /// <summary>Reads <paramref name="entry"/>, keeping at most <paramref name="maxDetails"/> detail lines.</summary>
    public static AuditReading Read(AuditEntry entry, AuditNames names, int maxDetails = int.MaxValue)
    {
        var details = AuditJson.Details(entry.Details);
        var shown = details.Count > maxDetails ? details.Take(maxDetails).ToList() : details;
        if (entry.Changes is not null)
        {
            return new AuditReading(entry.RecordName ?? LegacyName(entry, names), AuditJson.Changes(entry.Changes), shown, details.Count);
        }

        var type = AuditCatalog.ForName(entry.EntityType) ?? AuditCatalog.Unknown(entry.EntityType);
        var changes = AuditRecorder.Describe(type, entry.Action, Parse(entry.OldValues), Parse(entry.NewValues), names);
        return new AuditReading(entry.RecordName ?? LegacyName(entry, names), changes, shown, details.Count);
    }

    /// <summary>An older entry's record: an account by its name, anything else by its number.</summary>
    private static string LegacyName(AuditEntry entry, AuditNames names) =>
        entry.EntityType == AuditCatalog.UserKind ? names.User(entry.EntityKey) : $"n.º {entry.EntityKey}";

    private static Dictionary<string, object?>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value))
                : null;
        }
        catch (JsonException)
        {
            // A row written by hand or by an older version must not break the page: it shows without its details.
            return null;
        }
    }

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) && !element.GetRawText().Contains('.') => integer,
        JsonValueKind.Number when element.TryGetDecimal(out var number) => number,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };
}
