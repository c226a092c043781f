using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Categories;

/// <summary>One category: its latest score, meta and gap, its history, the plan's findings and the current plan's actions.</summary>
public partial class CategoryDetail
{
    private CategoryDetailModel? _model;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IReadOnlyList<PlanActionModel> _actions = [];

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The category id from the route.</summary>
    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _model = await Compliance.GetCategoryAsync(Id);
        if (_model is null)
        {
            // Renders the Spanish not-found page (404 when prerendering) instead of an exception.
            Navigation.NotFound();
            return;
        }

        _actions = await Plans.GetCategoryActionsAsync(Id);
        _breadcrumbs =
        [
            new BreadcrumbItem("Resumen", "/"),
            new BreadcrumbItem("Categorías", "/categorias"),
            new BreadcrumbItem(_model.ShortLabel, href: null),
        ];
    }
}
