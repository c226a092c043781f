using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Simulator;

/// <summary>
/// The what-if simulator: start from a measured vigencia (or a saved scenario), move each category's score and watch the
/// Porcentaje de Cumplimiento, the component means and the radar change; ask for the fewest points to reach a figure.
/// Everyone can use it; saving and deleting scenarios need <see cref="Policies.EditarPuntajes"/>.
/// </summary>
public partial class SimulatorPage
{
    private readonly ScenarioNameFormModel _nameModel = new();
    private readonly ScenarioNameValidator _nameValidator = new();
    private readonly SuggestionFormModel _suggestionModel = new();
    private readonly SuggestionValidator _suggestionValidator = new();
    private MudForm? _nameForm;
    private MudForm? _suggestionForm;
    private SimulatorStart? _start;
    private SimulatorViewModel? _model;
    private IReadOnlyList<ScenarioSummary> _scenarios = [];
    private Suggestion? _suggestion;
    private string? _problem;
    private string? _message;
    private bool _succeeded;
    private bool _loading = true;
    private bool _saving;
    private int? _confirmDelete;
    private (string? Vigencia, string? Scenario)? _loadedQuery;

    [Inject]
    public required SimulatorService Simulator { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The measured vigencia to start from (<c>/simulador?vigencia=2023</c>); the latest when absent.</summary>
    /// <remarks>Read as text so that a mistyped address gets a Spanish message instead of a parsing error.</remarks>
    [SupplyParameterFromQuery(Name = "vigencia")]
    public string? VigenciaText { get; set; }

    /// <summary>A saved scenario to load (<c>/simulador?escenario=5</c>); it brings its own vigencia.</summary>
    [SupplyParameterFromQuery(Name = "escenario")]
    public string? ScenarioText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Saving or deleting rewrites the address to match what is on screen: no reload then.
        if (_loadedQuery == (VigenciaText, ScenarioText))
        {
            return;
        }

        _loadedQuery = (VigenciaText, ScenarioText);
        _problem = null;
        _suggestion = null;
        _confirmDelete = null;
        _start = await LoadStartAsync();
        _model = _start is null ? null : new SimulatorViewModel(_start.Measured, _start.Values);
        _scenarios = await Simulator.ListScenariosAsync();
        _loading = false;
    }

    private async Task<SimulatorStart?> LoadStartAsync()
    {
        if (!string.IsNullOrWhiteSpace(ScenarioText))
        {
            if (!TryParseId(ScenarioText, out var scenarioId))
            {
                _problem = $"«{ScenarioText}» no es un escenario válido. Se muestra la última vigencia medida.";
                return await Simulator.GetStartAsync(null);
            }

            var loaded = await Simulator.LoadScenarioAsync(scenarioId);
            if (loaded.Start is null)
            {
                _problem = $"{loaded.Error} Se muestra la última vigencia medida.";
                return await Simulator.GetStartAsync(null);
            }

            return loaded.Start;
        }

        if (string.IsNullOrWhiteSpace(VigenciaText))
        {
            return await Simulator.GetStartAsync(null);
        }

        if (!TryParseId(VigenciaText, out var vigencia))
        {
            _problem = $"«{VigenciaText}» no es una vigencia válida: escriba un año, por ejemplo 2023.";
            return null;
        }

        var start = await Simulator.GetStartAsync(vigencia);
        if (start is null)
        {
            _problem = $"No hay una medición registrada para la vigencia {vigencia}.";
        }

        return start;
    }

    private static bool TryParseId(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private void OnVigenciaChanged(int vigencia) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["vigencia"] = vigencia, ["escenario"] = null }));

    private void OnSliderChanged(int categoryId, decimal value)
    {
        _model?.SetValue(categoryId, value);
        RefreshSuggestion();
    }

    private void OnTextChanged(int categoryId, string? text)
    {
        _model?.SetText(categoryId, text);
        RefreshSuggestion();
    }

    private void Clear(int categoryId)
    {
        _model?.Clear(categoryId);
        RefreshSuggestion();
    }

    private void Reset()
    {
        _model?.Reset();
        RefreshSuggestion();
    }

    private async Task SuggestAsync()
    {
        if (_suggestionForm is null || _model is null)
        {
            return;
        }

        await _suggestionForm.ValidateAsync();
        _suggestion = _suggestionForm.IsValid ? _model.Suggest(_suggestionModel.Target) : null;
    }

    private void ApplySuggestion()
    {
        if (_model is not null && _suggestion is not null)
        {
            _model.Apply(_suggestion);
            RefreshSuggestion();
        }
    }

    /// <summary>A suggestion on screen follows the sliders: it always starts from the values shown.</summary>
    private void RefreshSuggestion()
    {
        if (_model is not null && _suggestion is not null)
        {
            _suggestion = _model.Suggest(_suggestion.Target);
        }
    }

    private async Task SaveAsync()
    {
        if (_nameForm is null || _model is null)
        {
            return;
        }

        await _nameForm.ValidateAsync();
        if (!_nameForm.IsValid)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Simulator.SaveScenarioAsync(_nameModel.Name, _model.Measured.Vigencia, _model.Changes);
            _succeeded = result.Succeeded;
            if (!result.Succeeded)
            {
                _message = result.Error;
                return;
            }

            _message = $"Se guardó el escenario «{_nameModel.Name!.Trim()}». Sigue aparte de las mediciones.";
            _scenarios = await Simulator.ListScenariosAsync();
            var saved = _scenarios.FirstOrDefault(s => s.Id == result.ScenarioId);
            _start = _start! with { Scenario = saved, Notes = [] };
            _nameModel.Name = null;
            ShowInAddress(vigencia: null, saved?.Id);
        }
        catch (AccessDeniedException ex)
        {
            _succeeded = false;
            _message = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(int scenarioId)
    {
        _saving = true;
        try
        {
            var name = _scenarios.FirstOrDefault(s => s.Id == scenarioId)?.Name;
            var result = await Simulator.DeleteScenarioAsync(scenarioId);
            _succeeded = result.Succeeded;
            _message = result.Succeeded ? $"Se eliminó el escenario «{name}»." : result.Error;
            _confirmDelete = null;
            _scenarios = await Simulator.ListScenariosAsync();
            if (_start?.Scenario?.Id == scenarioId)
            {
                // The sliders stay as they are; only the link to the deleted scenario goes.
                _start = _start with { Scenario = null };
                ShowInAddress(_start.Measured.Vigencia, scenarioId: null);
            }
        }
        catch (AccessDeniedException ex)
        {
            _succeeded = false;
            _message = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void ShowInAddress(int? vigencia, int? scenarioId)
    {
        var vigenciaText = vigencia?.ToString(CultureInfo.InvariantCulture);
        var scenarioText = scenarioId?.ToString(CultureInfo.InvariantCulture);
        _loadedQuery = (vigenciaText, scenarioText);
        Navigation.NavigateTo(
            Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["vigencia"] = vigenciaText, ["escenario"] = scenarioText }),
            replace: true);
    }

    private static string Percent(decimal? value) => value is { } v ? EsCo.Percent(v) : "Sin cifra";

    private static string Signed(decimal? value, string unit) => value is { } v ? EsCo.SignedNumber(v) + unit : "—";
}
