using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Auditing;

/// <summary>
/// The names users know records by, for values stored as ids: a category's name instead of «17», an action's
/// description instead of its key. Loaded once per save (or per page of legacy rows) from a few small tables.
/// </summary>
public sealed class AuditNames
{
    private readonly Dictionary<int, string> _categories;
    private readonly Dictionary<int, string> _components;
    private readonly Dictionary<int, int> _measurementVigencias;
    private readonly Dictionary<int, string> _plans;
    private readonly Dictionary<int, (int CategoryId, int Order)> _findings;
    private readonly Dictionary<int, (string Description, int FindingId)> _actions;
    private readonly Dictionary<string, string> _users;

    private AuditNames(
        Dictionary<int, string> categories,
        Dictionary<int, string> components,
        Dictionary<int, int> measurementVigencias,
        Dictionary<int, string> plans,
        Dictionary<int, (int, int)> findings,
        Dictionary<int, (string, int)> actions,
        Dictionary<string, string> users)
    {
        _categories = categories;
        _components = components;
        _measurementVigencias = measurementVigencias;
        _plans = plans;
        _findings = findings;
        _actions = actions;
        _users = users;
    }

    /// <summary>No names known: ids are shown as «n.º 17».</summary>
    public static AuditNames None { get; } = new([], [], [], [], [], [], []);

    /// <summary>Reads the names of every category, component, measurement, plan, finding, action and user.</summary>
    /// <remarks>The tables are small (tens of rows, a few hundred actions at most); only ids and names are read.</remarks>
    public static async Task<AuditNames> LoadAsync(GobiernoDigitalDbContext db, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var components = await db.Components.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var measurements = await db.Measurements.AsNoTracking().Select(m => new { m.Id, m.Vigencia }).ToDictionaryAsync(m => m.Id, m => m.Vigencia, cancellationToken);
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Code, p.Version }).ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking().Select(f => new { f.Id, f.CategoryId, f.DisplayOrder }).ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking().Select(a => new { a.Id, a.Description, a.FindingId }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken);
        return new AuditNames(
            categories,
            components,
            measurements,
            plans.ToDictionary(p => p.Id, p => PlanName(p.Code, p.Version)),
            findings.ToDictionary(f => f.Id, f => (f.CategoryId, f.DisplayOrder)),
            actions.ToDictionary(a => a.Id, a => (AuditText.Short(a.Description, AuditText.NameLength), a.FindingId)),
            users.ToDictionary(u => u.Id, u => UserName(u.DisplayName, u.UserName)));
    }

    /// <summary>"TI.PL03 versión 2".</summary>
    public static string PlanName(string code, int version) => $"{code} versión {version}";

    /// <summary>"Martha Saldaña (asesor)"; the user name alone when there is no display name.</summary>
    public static string UserName(string? displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? "—"
        : string.IsNullOrWhiteSpace(userName) || displayName == userName ? displayName
        : $"{displayName} ({userName})";

    /// <summary>"n.º 2 del plan, Colaboración": the finding's row in the plan and its category.</summary>
    public static string FindingName(string category, int order) => $"n.º {order} del plan, {category}";

    public string Category(int id) => _categories.GetValueOrDefault(id) ?? Unknown("categoría", id);

    public string Component(int id) => _components.GetValueOrDefault(id) ?? Unknown("componente", id);

    /// <summary>"vigencia 2023".</summary>
    public string Measurement(int id) =>
        _measurementVigencias.TryGetValue(id, out var vigencia) ? $"vigencia {vigencia}" : Unknown("medición", id);

    public string Plan(int id) => _plans.GetValueOrDefault(id) ?? Unknown("plan", id);

    public string Finding(int id) =>
        _findings.TryGetValue(id, out var f) ? FindingName(Category(f.CategoryId), f.Order) : Unknown("hallazgo", id);

    /// <summary>The category of a finding, for the category filter of an action's entry.</summary>
    public int? CategoryOfFinding(int findingId) => _findings.TryGetValue(findingId, out var f) ? f.CategoryId : null;

    public string Action(int id) => _actions.TryGetValue(id, out var action) ? $"«{action.Description}»" : Unknown("acción", id);

    /// <summary>The category of an action (through its finding), for the category filter of an evidence's entry.</summary>
    public int? CategoryOfAction(int actionId) => _actions.TryGetValue(actionId, out var action) ? CategoryOfFinding(action.FindingId) : null;

    /// <summary>A user's display name and user name; never the bare id when the account exists.</summary>
    public string User(string id) => _users.GetValueOrDefault(id) ?? "usuario eliminado";

    private static string Unknown(string what, int id) => $"{what} n.º {id} (ya no existe)";
}

/// <summary>Short texts for the audit trail.</summary>
public static class AuditText
{
    /// <summary>Longest name of a record (an action's description) quoted in an entry.</summary>
    public const int NameLength = 80;

    /// <summary>Longest value (a description, a note) kept in a change line.</summary>
    public const int ValueLength = 300;

    /// <summary>The text, cut at <paramref name="max"/> characters with «…», line breaks as spaces.</summary>
    public static string Short(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "—";
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
