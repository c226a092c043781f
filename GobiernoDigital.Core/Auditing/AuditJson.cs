using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GobiernoDigital.Core.Auditing;

/// <summary>How the audit trail stores its JSON: accents kept readable («Categoría», not «Categor\u00EDa»).</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The value as JSON.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The changes stored in <see cref="AuditEntry.Changes"/>; empty when missing or unreadable.</summary>
    public static List<AuditChangeText> Changes(string? json) => Read<List<AuditChangeText>>(json) ?? [];

    /// <summary>The lines stored in <see cref="AuditEntry.Details"/>; empty when missing or unreadable.</summary>
    public static List<string> Details(string? json) => Read<List<string>>(json) ?? [];

    private static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            // A row written by hand or by an older version must not break the page: it shows without these lines.
            return null;
        }
    }
}
