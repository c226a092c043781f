using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GobiernoDigital.Dashboard.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;
    private ErrorBoundary? _errorBoundary;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    private EntityInfo? Entity { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Entity = await Compliance.GetEntityAsync();
    }

    protected override void OnParametersSet()
    {
        // A new page gets a fresh chance after an error on the previous one.
        _errorBoundary?.Recover();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void Recover() => _errorBoundary?.Recover();
}
