using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Peers;

/// <summary>
/// An editor records the peer-group averages FURAG publishes: a grid like a spreadsheet, categories (grouped by
/// component) by measured vigencias, saved all at once.
/// </summary>
public partial class PeerAverageGrid
{
    private readonly Func<string, IEnumerable<string>> _cellValidation = new PeerAverageValidator().Messages;
    private MudForm? _form;
    private PeerAverageGridViewModel? _grid;
    private string? _message;
    private bool _succeeded;
    private bool _saving;

    [Inject]
    public required PeerAverageService Peers { get; init; }

    protected override async Task OnInitializedAsync() => _grid = new PeerAverageGridViewModel(await Peers.GetGridAsync());

    private async Task SaveAsync()
    {
        if (_grid is null || _form is null)
        {
            return;
        }

        _grid.ShowErrors([]);
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            Show(false, PeerAverageService.CellsRefused);
            return;
        }

        var changes = _grid.Changes;
        if (changes.Count == 0)
        {
            Show(true, "No hay cambios para guardar.");
            return;
        }

        _saving = true;
        try
        {
            var result = await Peers.SaveAsync(changes);
            if (result.Succeeded)
            {
                _grid = new PeerAverageGridViewModel(await Peers.GetGridAsync());
                Show(true, result.ChangedCells == 1 ? "Se guardó 1 celda." : $"Se guardaron {result.ChangedCells} celdas.");
            }
            else
            {
                _grid.ShowErrors(result.CellErrors);
                Show(false, result.Error);
            }
        }
        catch (AccessDeniedException ex)
        {
            Show(false, ex.Message);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DiscardAsync()
    {
        if (_grid is null)
        {
            return;
        }

        _grid.Discard();
        if (_form is not null)
        {
            await _form.ResetValidationAsync();
        }

        Show(true, "Se descartaron los cambios sin guardar.");
    }

    private void Show(bool succeeded, string? message)
    {
        _succeeded = succeeded;
        _message = message;
    }
}
