using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Measurements;

/// <summary>
/// Every measurement with its figure and coverage, for everyone; editors also record a new one, open one to edit it,
/// or delete one after confirming.
/// </summary>
public partial class MeasurementList
{
    private IReadOnlyList<MeasurementSummary>? _measurements;
    private string? _message;
    private bool _succeeded;
    private bool _busy;

    [Inject]
    public required MeasurementService Measurements { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    protected override async Task OnInitializedAsync() => _measurements = await Measurements.ListAsync();

    private async Task DeleteAsync(MeasurementSummary measurement)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Eliminar medición",
            $"Se eliminará la medición de la vigencia {measurement.Vigencia} con sus {measurement.ScoreCount} puntajes. " +
            "Las metas de la vigencia se conservan. La eliminación queda en la auditoría.",
            yesText: "Eliminar",
            cancelText: "Cancelar");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Measurements.DeleteAsync(measurement.Vigencia, measurement.Revision);
            _succeeded = result.Succeeded;
            _message = result.Message;
        }
        catch (AccessDeniedException ex)
        {
            _succeeded = false;
            _message = ex.Message;
        }
        finally
        {
            _busy = false;
        }

        _measurements = await Measurements.ListAsync();
    }
}
