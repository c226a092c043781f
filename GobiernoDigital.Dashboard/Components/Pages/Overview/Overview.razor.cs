using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Overview;

/// <summary>The compliance overview of a vigencia: headline figure, components, radar, gaps and the table of categories.</summary>
public partial class Overview : VigenciaPageBase<OverviewModel>
{
    [Inject]
    public required ComplianceService Compliance { get; init; }

    protected override Task<OverviewModel?> LoadAsync(int? vigencia) => Compliance.GetOverviewAsync(vigencia);
}
