using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Overview;

/// <summary>The compliance overview of a vigencia: headline figure, components, radar, gaps and the table of categories.</summary>
public partial class Overview : VigenciaPageBase<OverviewModel>
{
    /// <summary>The page's heading.</summary>
    public const string Title = "Cumplimiento de la Política de Gobierno Digital";

    private MarkupString _figures;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required PrerenderedMarkup Prerendered { get; init; }

    protected override Task<OverviewModel?> LoadAsync(int? vigencia) => Compliance.GetOverviewAsync(vigencia);

    // The figures are markup rendered once per model and shared by the prerendered response and every circuit: only the
    // vigencia list is a live control, so a circuit keeps a few components instead of about fifty, three of them charts
    // with hundreds of SVG nodes each.
    protected override async Task OnModelLoadedAsync(OverviewModel? model)
    {
        if (model is not null)
        {
            _figures = await Prerendered.GetAsync<OverviewFigures>(model, nameof(OverviewFigures.Model));
        }
    }
}
