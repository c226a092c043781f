using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Overview;

/// <summary>The compliance overview of a vigencia: headline figure, components, radar, gaps and the table of categories.</summary>
public partial class Overview
{
    private OverviewModel? _model;
    private bool _loading = true;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The vigencia to show (<c>/?vigencia=2023</c>); the latest measured one when absent.</summary>
    /// <remarks>Read as text so that a mistyped address gets a Spanish message instead of a parsing error.</remarks>
    [SupplyParameterFromQuery(Name = "vigencia")]
    public string? VigenciaText { get; set; }

    private int? Vigencia { get; set; }

    private bool InvalidVigencia { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        InvalidVigencia = false;
        Vigencia = null;
        if (!string.IsNullOrWhiteSpace(VigenciaText))
        {
            if (int.TryParse(VigenciaText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vigencia))
            {
                Vigencia = vigencia;
            }
            else
            {
                InvalidVigencia = true;
                _model = null;
                _loading = false;
                return;
            }
        }

        _loading = _model is null;
        _model = await Compliance.GetOverviewAsync(Vigencia);
        _loading = false;
    }

    private async Task OnVigenciaChanged(int vigencia)
    {
        // The figures change in this render; the address follows. Waiting for the navigation instead would cost a round
        // trip to the browser and back before anything moved. When the navigation arrives, OnParametersSetAsync gets the
        // same (cached) model and the charts, which render only for another report, stay as they are.
        _model = await Compliance.GetOverviewAsync(vigencia);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("vigencia", vigencia));
    }

    private void OpenCategory(int categoryId) => Navigation.NavigateTo($"/categorias/{categoryId}");
}
