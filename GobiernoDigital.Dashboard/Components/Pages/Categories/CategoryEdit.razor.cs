using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Categories;

/// <summary>An editor sets one category's score (or No aplica / Sin medición) and meta for a measured vigencia.</summary>
public partial class CategoryEdit
{
    private readonly ScoreEditValidator _validator = new();
    private readonly ScoreEditFormModel _model = new();
    private MudForm? _form;
    private CategoryDetailModel? _category;

    /// <summary>The stored values the form was filled from; the save is checked against them.</summary>
    private CategoryEditState? _loaded;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string? _message;
    private bool _succeeded;
    private bool _saving;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required ScoreEditingService Editing { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The category id from the route.</summary>
    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _category = await Compliance.GetCategoryAsync(Id);
        if (_category is null)
        {
            Navigation.NotFound();
            return;
        }

        _breadcrumbs =
        [
            new BreadcrumbItem("Resumen", "/"),
            new BreadcrumbItem(_category.ShortLabel, $"/categorias/{Id}"),
            new BreadcrumbItem("Editar", href: null),
        ];
        _model.Vigencias = _category.History.Select(h => h.Vigencia).OrderDescending().ToList();
        if (_model.Vigencias.Count > 0 && !_model.Vigencias.Contains(_model.Vigencia))
        {
            _model.Vigencia = _model.Vigencias[0];
        }

        await LoadCurrentAsync();
    }

    private async Task LoadCurrentAsync()
    {
        if (_model.Vigencias.Count == 0)
        {
            return;
        }

        if (await Editing.GetForEditAsync(Id, _model.Vigencia) is { } state)
        {
            Fill(state);
        }
    }

    /// <summary>Puts the stored values in the form, the observation included, and remembers them as the state the save expects.</summary>
    private void Fill(CategoryEditState state)
    {
        _loaded = state;
        _model.Status = state.Score.Status;
        _model.ScoreText = state.Score.Value is { } v ? EsCo.Number(v) : string.Empty;
        _model.Observation = state.Observation;
        _model.TargetText = EsCo.Number(state.Target);
    }

    private async Task SaveAsync()
    {
        if (_form is null || _loaded is null)
        {
            return;
        }

        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Editing.SaveAsync(
                Id, _loaded, _model.ToScore(), _model.Observation, ScoreEditFormModel.ParseNumber(_model.TargetText)!.Value);
            _succeeded = result.Succeeded;
            _message = result.Message;
            if (result.Current is { } current)
            {
                Fill(current); // The other user's values replace the stale ones, as the message says.
            }
            else if (result.Succeeded)
            {
                await LoadCurrentAsync(); // The new revision, for the next save from this page.
            }

            _category = await Compliance.GetCategoryAsync(Id);
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
}
