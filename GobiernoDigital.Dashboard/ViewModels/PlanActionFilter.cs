using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Services;

namespace GobiernoDigital.Dashboard.ViewModels;

/// <summary>The due windows of the plan page's filter.</summary>
public enum DueWindow
{
    /// <summary>Every action.</summary>
    Todas = 0,

    /// <summary>Open actions whose end date passed (status Vencida).</summary>
    Vencidas,

    /// <summary>Open actions ending within the next 30 days, today included.</summary>
    Proximas30Dias,

    /// <summary>Open actions ending in today's calendar year (late ones included).</summary>
    EsteAno,

    /// <summary>Actions whose end date falls between two dates (either may be open), any status.</summary>
    Rango,
}

/// <summary>
/// The filters of the plan page's actions table and timeline, and their form in the address
/// (<c>/plan?categoria=3&amp;estado=vencida&amp;plazo=30-dias</c>), so a filtered view can be shared.
/// </summary>
/// <remarks>Unknown or malformed values in the address are ignored: that filter stays off.</remarks>
public sealed record PlanActionFilter
{
    /// <summary>The responsible value that selects the actions without one.</summary>
    public const string WithoutResponsible = "sin-responsable";

    public static readonly PlanActionFilter None = new();

    private static readonly (ActionStatus Status, string Slug)[] StatusSlugs =
    [
        (ActionStatus.NoIniciada, "no-iniciada"),
        (ActionStatus.EnCurso, "en-curso"),
        (ActionStatus.Vencida, "vencida"),
        (ActionStatus.Completada, "completada"),
        (ActionStatus.Cancelada, "cancelada"),
    ];

    private static readonly (DueWindow Window, string Slug)[] WindowSlugs =
    [
        (DueWindow.Vencidas, "vencidas"),
        (DueWindow.Proximas30Dias, "30-dias"),
        (DueWindow.EsteAno, "este-ano"),
        (DueWindow.Rango, "rango"),
    ];

    public int? ComponentId { get; init; }

    public int? CategoryId { get; init; }

    /// <summary>The status as shown (Vencida included).</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>A responsible as written, or <see cref="WithoutResponsible"/>; null for all.</summary>
    public string? Responsible { get; init; }

    public DueWindow Due { get; init; }

    /// <summary>With <see cref="DueWindow.Rango"/>: the earliest end date, inclusive.</summary>
    public DateOnly? EndFrom { get; init; }

    /// <summary>With <see cref="DueWindow.Rango"/>: the latest end date, inclusive.</summary>
    public DateOnly? EndTo { get; init; }

    /// <summary>True when no filter is set.</summary>
    public bool IsEmpty => this == None;

    /// <summary>True when a filter other than component and category is set: findings without actions then have nothing to show.</summary>
    public bool FiltersActions => Status is not null || Responsible is not null || Due != DueWindow.Todas;

    /// <summary>The statuses in the order the filter offers them.</summary>
    public static IEnumerable<ActionStatus> Statuses => StatusSlugs.Select(s => s.Status);

    /// <summary>Spanish name of a due window.</summary>
    public static string Label(DueWindow window) => window switch
    {
        DueWindow.Vencidas => "Vencidas",
        DueWindow.Proximas30Dias => "Vencen en los próximos 30 días",
        DueWindow.EsteAno => "Vencen este año",
        DueWindow.Rango => "Fecha final entre…",
        _ => "Todas",
    };

    /// <summary>Whether a finding (its component and category) passes the component and category filters.</summary>
    public bool Matches(PlanFindingModel finding) =>
        (ComponentId is null || finding.ComponentId == ComponentId) &&
        (CategoryId is null || finding.CategoryId == CategoryId);

    /// <summary>Whether an action passes every filter on <paramref name="today"/>.</summary>
    public bool Matches(PlanActionModel action, DateOnly today) =>
        (ComponentId is null || action.ComponentId == ComponentId) &&
        (CategoryId is null || action.CategoryId == CategoryId) &&
        (Status is null || action.Status == Status) &&
        (Responsible is null || (Responsible == WithoutResponsible ? action.Responsible is null : action.Responsible == Responsible)) &&
        Due switch
        {
            DueWindow.Vencidas => action.Status == ActionStatus.Vencida,
            DueWindow.Proximas30Dias => action.IsDueSoon,
            DueWindow.EsteAno => action.IsOpen && action.EndDate.Year == today.Year,
            DueWindow.Rango => (EndFrom is null || action.EndDate >= EndFrom) && (EndTo is null || action.EndDate <= EndTo),
            _ => true,
        };

    /// <summary>The query parameters of this filter; null values remove the parameter.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["componente"] = ComponentId,
        ["categoria"] = CategoryId,
        ["estado"] = Status is { } status ? StatusSlugs.First(s => s.Status == status).Slug : null,
        ["responsable"] = Responsible,
        ["plazo"] = Due == DueWindow.Todas ? null : WindowSlugs.First(w => w.Window == Due).Slug,
        ["desde"] = Due == DueWindow.Rango && EndFrom is { } from ? IsoDate(from) : null,
        ["hasta"] = Due == DueWindow.Rango && EndTo is { } to ? IsoDate(to) : null,
    };

    /// <summary>Reads the filter from the address' values; malformed ones are ignored.</summary>
    public static PlanActionFilter FromQuery(string? component, string? category, string? status, string? responsible, string? due, string? from, string? to)
    {
        var window = WindowSlugs.FirstOrDefault(w => w.Slug == due).Window;
        return new PlanActionFilter
        {
            ComponentId = PositiveInt(component),
            CategoryId = PositiveInt(category),
            Status = StatusSlugs.Where(s => s.Slug == status).Select(s => (ActionStatus?)s.Status).FirstOrDefault(),
            Responsible = string.IsNullOrWhiteSpace(responsible) ? null : responsible.Trim(),
            Due = window,
            EndFrom = window == DueWindow.Rango ? ParseIsoDate(from) : null,
            EndTo = window == DueWindow.Rango ? ParseIsoDate(to) : null,
        };
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseIsoDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int? PositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
