using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Overview;

/// <summary>The compliance overview of a vigencia: headline figure, components, radar, gaps and the table of categories.</summary>
public partial class Overview : VigenciaPageBase<OverviewModel>
{
    /// <summary>The page's heading.</summary>
    public const string Title = "Cumplimiento de la Política de Gobierno Digital";

    private MarkupString? _prerendered;
    private MarkupString _figures;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required PrerenderedMarkup Prerendered { get; init; }

    protected override Task<OverviewModel?> LoadAsync(int? vigencia) => Compliance.GetOverviewAsync(vigencia);

    // The figures are markup rendered once per model and shared by every visitor and circuit: while prerendering, the
    // whole overview; in a circuit, everything but the controls (the vigencia list, the formula panel), so the circuit
    // keeps a few components instead of about fifty, three of them charts with hundreds of SVG nodes each.
    protected override async Task OnModelLoadedAsync(OverviewModel? model)
    {
        _prerendered = null;
        if (model is null)
        {
            return;
        }

        if (RendererInfo.IsInteractive)
        {
            _figures = await Prerendered.GetAsync<OverviewFigures>(model, nameof(OverviewFigures.Model));
        }
        else
        {
            _prerendered = await Prerendered.GetAsync<OverviewBody>(model, nameof(OverviewBody.Model));
        }
    }
}
