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

        LoadCurrent();
    }

    private void LoadCurrent()
    {
        var point = _category?.History.FirstOrDefault(h => h.Vigencia == _model.Vigencia);
        if (point is null)
        {
            return;
        }

        _model.Status = point.Score.Status;
        _model.ScoreText = point.Score.Value is { } v ? EsCo.Number(v) : string.Empty;
        _model.TargetText = EsCo.Number(point.Target);
    }

    private async Task SaveAsync()
    {
        if (_form is null)
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
            var score = _model.ToScore();
            var result = await Editing.SetScoreAsync(Id, _model.Vigencia, score, _model.Observation);
            if (result.Succeeded)
            {
                result = await Editing.SetTargetAsync(Id, _model.Vigencia, ScoreEditFormModel.ParseNumber(_model.TargetText)!.Value);
            }

            _succeeded = result.Succeeded;
            _message = result.Succeeded ? $"Se guardaron el puntaje y la meta de la vigencia {_model.Vigencia}." : result.Error;
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
