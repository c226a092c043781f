using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Plan;

/// <summary>
/// The plan page: header, counters, the actions filtered by component, category, status, responsible and due window
/// (the filters live in the address), their timeline and table, and the evaluation of effectiveness.
/// </summary>
public partial class PlanPage
{
    private const int DescriptionLength = 140;

    private PlanModel? _model;
    private bool _loading = true;
    private int? _loadedVersion;

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The version to show (<c>/plan?version=1</c>); the current one when absent.</summary>
    /// <remarks>Read as text so that a mistyped address gets a Spanish message instead of a parsing error.</remarks>
    [SupplyParameterFromQuery(Name = "version")]
    public string? VersionText { get; set; }

    [SupplyParameterFromQuery(Name = "componente")]
    public string? ComponentQuery { get; set; }

    [SupplyParameterFromQuery(Name = "categoria")]
    public string? CategoryQuery { get; set; }

    [SupplyParameterFromQuery(Name = "estado")]
    public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "responsable")]
    public string? ResponsibleQuery { get; set; }

    [SupplyParameterFromQuery(Name = "plazo")]
    public string? DueQuery { get; set; }

    [SupplyParameterFromQuery(Name = "desde")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "hasta")]
    public string? ToQuery { get; set; }

    private int? Version { get; set; }

    private bool InvalidVersion { get; set; }

    private PlanActionFilter Filter { get; set; } = PlanActionFilter.None;

    private IReadOnlyList<PlanActionModel> FilteredActions { get; set; } = [];

    private IReadOnlyList<(PlanFindingModel Finding, IReadOnlyList<PlanActionModel> Actions)> VisibleFindings { get; set; } = [];

    private IReadOnlyList<(int Id, string Name)> Components { get; set; } = [];

    private IReadOnlyList<(int Id, string Name)> Categories { get; set; } = [];

    private IReadOnlyList<string> Responsibles { get; set; } = [];

    private string CountText => _model is null ? string.Empty
        : Filter.IsEmpty ? $"{Plural(_model.Actions.Count)} en el plan."
        : $"Mostrando {FilteredActions.Count} de {Plural(_model.Actions.Count)}.";

    protected override async Task OnParametersSetAsync()
    {
        Filter = PlanActionFilter.FromQuery(ComponentQuery, CategoryQuery, StatusQuery, ResponsibleQuery, DueQuery, FromQuery, ToQuery);
        InvalidVersion = false;
        Version = null;
        if (!string.IsNullOrWhiteSpace(VersionText))
        {
            if (int.TryParse(VersionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                Version = version;
            }
            else
            {
                InvalidVersion = true;
                _model = null;
                _loading = false;
                return;
            }
        }

        if (_model is null || _loadedVersion != Version)
        {
            _loading = _model is null;
            _model = await Plans.GetPlanAsync(Version);
            _loadedVersion = Version;
            _loading = false;
        }

        ApplyFilter();
    }

    private static string Plural(int count) => count == 1 ? "1 acción" : $"{count} acciones";

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private void ApplyFilter()
    {
        if (_model is null)
        {
            return;
        }

        var today = _model.Today;
        Components = _model.Findings.Select(f => (f.ComponentId, f.ComponentName)).Distinct().ToList();
        Categories = _model.Findings
            .Where(f => Filter.ComponentId is null || f.ComponentId == Filter.ComponentId)
            .Select(f => (f.CategoryId, f.CategoryName)).Distinct().ToList();
        Responsibles = _model.Actions.Select(a => a.Responsible).OfType<string>().Distinct()
            .Order(StringComparer.Create(EsCo.Culture, ignoreCase: true)).ToList();

        VisibleFindings = _model.Findings
            .Where(Filter.Matches)
            .Select(f => (f, (IReadOnlyList<PlanActionModel>)f.Actions.Where(a => Filter.Matches(a, today)).ToList()))
            .Where(x => x.Item2.Count > 0 || (x.f.Actions.Count == 0 && !Filter.FiltersActions))
            .ToList();
        FilteredActions = VisibleFindings.SelectMany(x => x.Actions).ToList();
    }

    /// <summary>This page's address with <paramref name="filter"/>, keeping the version shown.</summary>
    private string FilterHref(PlanActionFilter filter) => Navigation.GetUriWithQueryParameters(filter.ToQuery());

    private void SetFilter(PlanActionFilter filter) =>
        Navigation.NavigateTo(FilterHref(filter), new NavigationOptions { ReplaceHistoryEntry = true });

    private void OnComponentChanged(int componentId)
    {
        var component = componentId == 0 ? (int?)null : componentId;
        var keepCategory = component is null || _model!.Findings.Any(f => f.CategoryId == Filter.CategoryId && f.ComponentId == component);
        SetFilter(Filter with { ComponentId = component, CategoryId = keepCategory ? Filter.CategoryId : null });
    }

    private void OnCategoryChanged(int categoryId) =>
        SetFilter(Filter with { CategoryId = categoryId == 0 ? null : categoryId });

    private void OnStatusChanged(ActionStatus? status) => SetFilter(Filter with { Status = status });

    private void OnResponsibleChanged(string responsible) =>
        SetFilter(Filter with { Responsible = string.IsNullOrEmpty(responsible) ? null : responsible });

    private void OnDueChanged(DueWindow window) =>
        SetFilter(Filter with { Due = window, EndFrom = null, EndTo = null });

    private void OnEndFromChanged(DateTime? date) =>
        SetFilter(Filter with { EndFrom = date is { } d ? DateOnly.FromDateTime(d) : null });

    private void OnEndToChanged(DateTime? date) =>
        SetFilter(Filter with { EndTo = date is { } d ? DateOnly.FromDateTime(d) : null });

    private string ComponentText(int id) => id == 0 ? "Todos" : Components.FirstOrDefault(c => c.Id == id).Name ?? string.Empty;

    private string CategoryText(int id) => id == 0 ? "Todas" : Categories.FirstOrDefault(c => c.Id == id).Name ?? string.Empty;

    private static string StatusText(ActionStatus? status) => status is { } s ? ActionStatusText.Label(s) : "Todos";

    private static string ResponsibleText(string? responsible) =>
        string.IsNullOrEmpty(responsible) ? "Todos"
        : responsible == PlanActionFilter.WithoutResponsible ? "Sin responsable"
        : responsible;
}
