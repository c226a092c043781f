using System.Globalization;
using System.Text.Json;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What to look for in the audit trail. Every filter is optional.</summary>
/// <remarks>
/// <see cref="From"/> and <see cref="To"/> are days of Colombia's calendar (America/Bogota), both included.
/// <see cref="Page"/> starts at 0; <see cref="PageSize"/> defaults to 25 and is capped at 100.
/// </remarks>
public sealed record AuditQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>First day (Colombia), included.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (Colombia), included to its end.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only the changes made by this user.</summary>
    public string? UserId { get; init; }

    /// <summary>Only the changes that concern this category.</summary>
    public int? CategoryId { get; init; }

    /// <summary>0-based page index.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One property of a record before and after a change, as shown: "Valor: 40,0 → 55,5".</summary>
public sealed record AuditChange(string Property, string OldText, string NewText)
{
    public override string ToString() => $"{Property}: {OldText} → {NewText}";
}

/// <summary>One row of the audit trail, ready to show.</summary>
public sealed record AuditTrailRow(
    long Id,
    DateTime OccurredAtColombia,
    string UserName,
    AuditAction Action,
    string EntityType,
    string EntityKey,
    int? CategoryId,
    string? CategoryName,
    IReadOnlyList<AuditChange> Changes)
{
    /// <summary>When, in Colombia's time: "29/02/2024 22:00:00".</summary>
    public string OccurredAtText => OccurredAtColombia.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>One page of the audit trail and how many rows match the query in all.</summary>
public sealed record AuditTrailPage(int TotalCount, IReadOnlyList<AuditTrailRow> Rows);

/// <summary>A choice of a filter: a user or a category.</summary>
public sealed record AuditFilterOption<TKey>(TKey Id, string Name);

/// <summary>What the filters of the audit page offer: the users who appear in the trail, and the categories.</summary>
public sealed record AuditFilterOptions(IReadOnlyList<AuditFilterOption<string>> Users, IReadOnlyList<AuditFilterOption<int>> Categories);

/// <summary>Reads the audit trail: who changed what, when, from which value to which. Policy <see cref="Policies.VerAuditoria"/>.</summary>
public sealed class AuditTrailService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard)
{
    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["Value"] = "Valor",
        ["Status"] = "Estado",
        ["Observation"] = "Observación",
        ["Vigencia"] = "Vigencia",
        ["CategoryId"] = "Categoría",
        ["MeasurementId"] = "Medición",
        ["ComponentId"] = "Componente",
        ["PlanId"] = "Plan",
        ["Name"] = "Nombre",
        ["ShortLabel"] = "Etiqueta corta",
        ["Kind"] = "Tipo",
        ["DisplayOrder"] = "Orden",
        ["Weight"] = "Peso",
        ["NameInPlan"] = "Nombre en el plan",
        ["FirstVigencia"] = "Primera vigencia",
        ["RetiredFromVigencia"] = "Retirada desde la vigencia",
        ["Date"] = "Fecha",
        ["Source"] = "Fuente",
        ["OfficialIndex"] = "Índice oficial",
        ["RowScore"] = "Puntaje de la fila",
        ["Alternatives"] = "Alternativas",
        ["Improvements"] = "Mejoras",
        ["ImprovementsNotApplicable"] = "Mejoras no aplican",
        ["DeadlineStart"] = "Inicio del plazo",
        ["DeadlineEnd"] = "Fin del plazo",
        ["EffectivenessNote"] = "Nota de efectividad",
    };

    // Decimal properties of the audited records: shown with one decimal even when stored without one (80 → "80,0").
    private static readonly HashSet<string> DecimalProperties = new(StringComparer.Ordinal) { "Value", "Weight", "OfficialIndex", "RowScore" };

    /// <summary>The rows that match <paramref name="query"/>, newest first, one page at a time.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<AuditTrailPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.VerAuditoria);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        // A day outside the app's dates (a request not made by the page) still answers: it is moved to the bound, so
        // adding a day to «Hasta» 31/12/9999 cannot overflow.
        if (query.From is { } from)
        {
            from = ValidationRules.ClampDate(from);
            var fromUtc = StartOfDayUtc(from);
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            to = ValidationRules.ClampDate(to);
            var beforeUtc = StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(a => a.OccurredAtUtc < beforeUtc);
        }

        if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }

        if (query.CategoryId is { } categoryId)
        {
            entries = entries.Where(a => a.CategoryId == categoryId);
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(a => a.OccurredAtUtc)
            .ThenByDescending(a => a.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(a => new
            {
                Entry = a,
                CategoryName = db.Categories.Where(c => c.Id == a.CategoryId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new AuditTrailPage(total, rows.Select(r => new AuditTrailRow(
            r.Entry.Id,
            ToColombia(r.Entry.OccurredAtUtc),
            r.Entry.UserName,
            r.Entry.Action,
            r.Entry.EntityType,
            r.Entry.EntityKey,
            r.Entry.CategoryId,
            r.CategoryName,
            DescribeChanges(r.Entry.OldValues, r.Entry.NewValues))).ToList());
    }

    /// <summary>The users who appear in the trail (with their latest recorded name) and every category, for the filters.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<AuditFilterOptions> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.VerAuditoria);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Few distinct pairs: a user appears under a second name only after renaming. The latest name wins.
        var pairs = await db.AuditEntries.AsNoTracking()
            .GroupBy(a => new { a.UserId, a.UserName })
            .Select(g => new { g.Key.UserId, g.Key.UserName, LastId = g.Max(a => a.Id) })
            .ToListAsync(cancellationToken);
        var users = pairs
            .GroupBy(p => p.UserId)
            .Select(g => g.MaxBy(p => p.LastId)!)
            .Select(p => new AuditFilterOption<string>(p.UserId, p.UserName))
            .OrderBy(u => u.Name, StringComparer.Create(EsCo.Culture, ignoreCase: true))
            .ToList();

        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Component.DisplayOrder)
            .ThenBy(c => c.DisplayOrder)
            .Select(c => new AuditFilterOption<int>(c.Id, c.Name))
            .ToListAsync(cancellationToken);

        return new AuditFilterOptions(users, categories);
    }

    /// <summary>
    /// The readable list of what changed, from the stored JSON: one line per property, old → new, with "—" for a
    /// missing or null value, es-CO numbers ("40,0"), Sí/No, dd/MM/yyyy dates and Spanish names of score states.
    /// </summary>
    public static IReadOnlyList<AuditChange> DescribeChanges(string? oldValuesJson, string? newValuesJson)
    {
        var oldValues = Parse(oldValuesJson);
        var newValues = Parse(newValuesJson);
        var properties = oldValues.Keys.Concat(newValues.Keys.Where(k => !oldValues.ContainsKey(k)));
        return properties
            .Select(p => new AuditChange(
                PropertyNames.GetValueOrDefault(p, p),
                Format(p, oldValues.GetValueOrDefault(p)),
                Format(p, newValues.GetValueOrDefault(p))))
            .ToList();
    }

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), EsCo.TimeZone);

    private static DateTime ToColombia(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), EsCo.TimeZone);

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : [];
        }
        catch (JsonException)
        {
            // A row written by hand or by an older version must not break the page: it shows without its details.
            return [];
        }
    }

    private static string Format(string property, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return "—";
            case JsonValueKind.True:
                return "Sí";
            case JsonValueKind.False:
                return "No";
            case JsonValueKind.Number:
                return FormatNumber(property, value);
            case JsonValueKind.String:
                var text = value.GetString() ?? string.Empty;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return EsCo.Date(date);
                }

                return text.Length == 0 ? "—" : text;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(i => Format(property, i)).ToList();
                return items.Count == 0 ? "—" : string.Join("; ", items);
            default:
                return value.GetRawText();
        }
    }

    private static string FormatNumber(string property, JsonElement value)
    {
        if (property == "Status" && value.TryGetInt32(out var status) && Enum.IsDefined((ScoreStatus)status))
        {
            return (ScoreStatus)status switch
            {
                ScoreStatus.Measured => "Medido",
                ScoreStatus.NotApplicable => "No aplica",
                _ => "Sin medición",
            };
        }

        var raw = value.GetRawText();
        var isInteger = !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
        if (isInteger && !DecimalProperties.Contains(property))
        {
            // Ids, vigencias and orders: "2024", never "2.024" or "2024,0".
            return raw;
        }

        return value.TryGetDecimal(out var number) ? EsCo.Number(number) : raw;
    }
}
