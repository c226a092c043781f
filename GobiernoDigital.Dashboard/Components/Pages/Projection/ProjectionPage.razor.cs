using System.Globalization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Projection;

/// <summary>
/// Where will we be when the plan ends: for the Porcentaje de Cumplimiento and for each category, the pace needed to
/// reach the meta beside the observed pace, in a table and in a line chart.
/// </summary>
public partial class ProjectionPage
{
    private ProjectionModel? _model;
    private bool _loading = true;

    [Inject]
    public required ProjectionService Projection { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The category of the chart (<c>/proyeccion?categoria=3</c>); the first one when absent or unknown.</summary>
    [SupplyParameterFromQuery(Name = "categoria")]
    public string? CategoryText { get; set; }

    /// <summary>The category line the chart shows: the one in the address, or the first one.</summary>
    private ProjectionLine? SelectedLine
    {
        get
        {
            if (_model is null || _model.Categories.Count == 0)
            {
                return null;
            }

            var requested = int.TryParse(CategoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
            return _model.Categories.FirstOrDefault(c => c.CategoryId == requested) ?? _model.Categories[0];
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_model is null)
        {
            _model = await Projection.GetAsync();
            _loading = false;
        }
    }

    private void OnCategoryChanged(int categoryId) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("categoria", categoryId), replace: true);
}
