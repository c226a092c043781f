using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Dialogs;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Plan;

/// <summary>
/// One improvement action for every reader: its category, fields, derived status, progress and evidence. Editors of
/// the current plan version edit it, record its follow-up, add or remove evidence, close it with evidence or reopen it.
/// </summary>
public partial class ActionDetail
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private ActionDetailModel? _model;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string? _message;
    private bool _succeeded;

    [Inject]
    public required ActionService Actions { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The action id from the route.</summary>
    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _message = null;
        await ReloadAsync();
    }

    private static Color StatusColor(ActionStatus status) => status switch
    {
        ActionStatus.Completada => Color.Success,
        ActionStatus.Vencida => Color.Error,
        ActionStatus.EnCurso => Color.Info,
        _ => Color.Default,
    };

    private Task EditAsync() => ShowAsync<ActionEditDialog>("Editar la acción", "Se guardaron los cambios de la acción.");

    private Task FollowUpAsync() => ShowAsync<ActionFollowUpDialog>("Registrar seguimiento", "Se registró el seguimiento.");

    private Task AddEvidenceAsync() => ShowAsync<EvidenceDialog>("Agregar evidencia", "Se agregó la evidencia.");

    private Task CloseAsync() => ShowAsync<ActionCloseDialog>("Cerrar la acción con su evidencia", "La acción quedó completada con su evidencia.");

    private async Task ReopenAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Reabrir la acción",
            "La acción volverá a «En curso»; conserva su avance y sus evidencias, y se borra su fecha de cierre.",
            yesText: "Reabrir",
            cancelText: "Cancelar");
        if (confirmed == true)
        {
            await RunAsync(revision => Actions.ReopenAsync(Id, revision), "La acción quedó reabierta, en curso.");
        }
    }

    private async Task RemoveEvidenceAsync(EvidenceModel evidence)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Quitar evidencia",
            $"Se quitará la evidencia del {EsCo.Date(evidence.Date)}. El cambio queda en la auditoría.",
            yesText: "Quitar",
            cancelText: "Cancelar");
        if (confirmed == true)
        {
            await RunAsync(revision => Actions.RemoveEvidenceAsync(Id, revision, evidence.Id), "Se quitó la evidencia.");
        }
    }

    /// <summary>Opens a dialog on the action; whatever its outcome, the page shows the action as it is now.</summary>
    private async Task ShowAsync<TDialog>(string title, string successMessage)
        where TDialog : ActionDialogBase
    {
        if (_model is null)
        {
            return;
        }

        var parameters = new DialogParameters<TDialog> { { d => d.Action, _model } };
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, DialogOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Report(true, successMessage);
        }

        await ReloadAsync();
    }

    private async Task RunAsync(Func<int, Task<ActionChangeResult>> change, string successMessage)
    {
        if (_model is null)
        {
            return;
        }

        try
        {
            var result = await change(_model.Revision);
            Report(result.Succeeded, result.Succeeded ? successMessage : result.Error);
        }
        catch (AccessDeniedException ex)
        {
            Report(false, ex.Message);
        }

        await ReloadAsync();
    }

    private void Report(bool succeeded, string? message)
    {
        _succeeded = succeeded;
        _message = message;
    }

    private async Task ReloadAsync()
    {
        _model = await Actions.GetAsync(Id);
        if (_model is null)
        {
            // Renders the Spanish not-found page (404 when prerendering) instead of an exception.
            Navigation.NotFound();
            return;
        }

        _breadcrumbs =
        [
            new BreadcrumbItem("Plan de mejoramiento", "/plan"),
            new BreadcrumbItem(_model.CategoryShortLabel, $"/categorias/{_model.CategoryId}"),
            new BreadcrumbItem("Acción", href: null),
        ];
    }
}
