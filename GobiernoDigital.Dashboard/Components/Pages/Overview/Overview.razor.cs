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

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required PrerenderedMarkup Prerendered { get; init; }

    protected override Task<OverviewModel?> LoadAsync(int? vigencia) => Compliance.GetOverviewAsync(vigencia);

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();

        // Prerendering (the first response, before the circuit starts) writes the figures' markup, rendered once per
        // model and shared by every visitor; the circuit then renders them as live components.
        _prerendered = !RendererInfo.IsInteractive && Model is { } model
            ? await Prerendered.GetAsync<OverviewBody>(model, nameof(OverviewBody.Model))
            : null;
    }
}
