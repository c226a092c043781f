using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Measurements;

/// <summary>
/// Records a new measurement or edits one: the header (vigencia, date, source, official index) and one score row per
/// category that applies. Messages show next to each field; a save refused by the service (vigencia already
/// recorded, another user's save in between) says why and changes nothing.
/// </summary>
public partial class MeasurementForm
{
    private readonly MeasurementRowValidator _rowValidator = new();
    private readonly Dictionary<int, MudTextField<string>> _scoreFields = [];
    private MeasurementFormValidator _validator = null!;
    private MeasurementFormModel _model = new();
    private MeasurementFormModel? _initial;
    private MudForm? _form;
    private string? _message;
    private MeasurementChangeStatus? _status;
    private bool _saving;

    [Inject]
    public required MeasurementService Measurements { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>The form as the service built it (<see cref="MeasurementService.NewFormAsync"/> or <see cref="MeasurementService.GetForEditAsync"/>).</summary>
    [Parameter]
    [EditorRequired]
    public MeasurementFormModel Initial { get; set; } = null!;

    /// <summary>True for a new measurement (the vigencia can be chosen); false to edit the measurement of <see cref="Initial"/>'s vigencia.</summary>
    [Parameter]
    public bool IsNew { get; set; }

    protected override void OnInitialized() => _validator = new MeasurementFormValidator(Clock);

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Initial, _initial))
        {
            _initial = Initial;
            _model = Initial;
            _message = null;
            _status = null;
        }
    }

    /// <summary>The check of one field of a row, by the shared score-row rules.</summary>
    private Func<string?, Task<IEnumerable<string>>> RowValidation(MeasurementRowModel row, string propertyName) =>
        _ => _rowValidator.MessagesForAsync(row.Input, propertyName);

    private string? PreviousHint(MeasurementRowModel row) => (_model.PreviousVigencia, row.PreviousScore) switch
    {
        ({ } previous, { } score) => $"En {previous}: {score}",
        ({ } previous, null) => $"No aplicaba en {previous}",
        _ => null,
    };

    private async Task OnStatusChangedAsync(MeasurementRowModel row, ScoreStatus status)
    {
        row.Input.Status = status;
        if (status != ScoreStatus.Measured && _scoreFields.TryGetValue(row.CategoryId, out var field))
        {
            // The score no longer counts: a message about it would point at a disabled field.
            await field.ResetValidationAsync();
        }
    }

    /// <summary>A new measurement's rows follow its vigencia: the categories that apply to it, keeping what was typed.</summary>
    private async Task OnVigenciaChangedAsync(int? vigencia)
    {
        _model.Vigencia = vigencia;
        if (vigencia is not { } chosen || chosen is < Measurement.MinVigencia or > Measurement.MaxVigencia)
        {
            return;
        }

        var fresh = await Measurements.NewFormAsync(chosen);
        var typed = _model.Rows.ToDictionary(r => r.CategoryId, r => r.Input);
        _model.PreviousVigencia = fresh.PreviousVigencia;
        _model.Rows = fresh.Rows
            .Select(r => typed.TryGetValue(r.CategoryId, out var input)
                ? new MeasurementRowModel
                {
                    CategoryId = r.CategoryId,
                    CategoryName = r.CategoryName,
                    ComponentName = r.ComponentName,
                    PreviousScore = r.PreviousScore,
                    PreviousInput = r.PreviousInput,
                    Input = input,
                }
                : r)
            .ToList();
    }

    /// <summary>«Partir de la medición de 2024»: every row takes the previous vigencia's score; the advisor then changes the few that moved.</summary>
    private async Task StartFromPreviousAsync()
    {
        var filled = _model.StartFromPrevious();
        if (_form is not null)
        {
            await _form.ResetValidationAsync();
        }

        Show(
            MeasurementChangeStatus.Done,
            $"Se copiaron {filled} {(filled == 1 ? "puntaje" : "puntajes")} de la medición de {_model.PreviousVigencia}: cambie solo los que variaron y guarde. Aún no se ha guardado nada.");
    }

    private async Task SaveAsync()
    {
        if (_form is null)
        {
            return;
        }

        _message = null;
        _status = null;
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            Show(MeasurementChangeStatus.Invalid, "Revise los campos marcados: cada uno dice qué corregir. No se guardó nada.");
            return;
        }

        _saving = true;
        try
        {
            var result = IsNew
                ? await Measurements.CreateAsync(_model)
                : await Measurements.UpdateAsync(_initial!.Vigencia!.Value, _model.Revision, _model);
            if (result.Succeeded)
            {
                Navigation.NavigateTo($"/?vigencia={_model.Vigencia}");
                return;
            }

            Show(result.Status, result.Message);
            if (result.Current is { } current)
            {
                // Another user's values replace the stale ones; the message says so.
                _model = current;
                _initial = current;
                await _form.ResetValidationAsync();
            }
        }
        catch (AccessDeniedException ex)
        {
            Show(MeasurementChangeStatus.Invalid, ex.Message);
        }
        finally
        {
            _saving = false;
        }
    }

    private void Show(MeasurementChangeStatus status, string message)
    {
        _status = status;
        _message = message;
    }
}
