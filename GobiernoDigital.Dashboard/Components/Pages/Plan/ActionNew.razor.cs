using System.Globalization;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Plan;

/// <summary>
/// An editor adds an action under a finding of the current plan version: the category, then its finding (NO APLICA
/// findings are not offered), then the fields. <c>?hallazgo=ID</c> preselects the finding. On save, the new action's page.
/// </summary>
public partial class ActionNew
{
    private const int SummaryLength = 180;

    private readonly ActionFormValidator _validator = new(requireFinding: true);
    private readonly List<BreadcrumbItem> _breadcrumbs =
    [
        new BreadcrumbItem("Plan de mejoramiento", "/plan"),
        new BreadcrumbItem("Nueva acción", href: null),
    ];

    private ActionFormModel _model = new();
    private MudForm? _form;
    private IReadOnlyList<FindingChoice>? _choices;
    private int? _categoryId;
    private string? _error;
    private bool _saving;

    [Inject]
    public required ActionService Actions { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The finding to preselect (<c>?hallazgo=ID</c>); a value that is not a whole number is ignored.</summary>
    /// <remarks>Text, not <c>int?</c>: the framework's binding throws on <c>?hallazgo=abc</c> and the page would end in the error boundary.</remarks>
    [SupplyParameterFromQuery(Name = "hallazgo")]
    public string? HallazgoText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _choices = await Actions.GetFindingChoicesAsync();
        _model = new ActionFormModel();
        _categoryId = null;
        _error = null;
        if (int.TryParse(HallazgoText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (_choices.Any(c => c.FindingId == id))
            {
                SelectFinding(id);
            }
            else
            {
                _error = $"El hallazgo {id} no admite acciones nuevas: no existe, es de una versión reemplazada del plan o dice «NO APLICA». Elija otro.";
            }
        }
    }

    private void SelectCategory(int? categoryId)
    {
        _categoryId = categoryId;
        var findings = _choices?.Where(c => c.CategoryId == categoryId).ToList() ?? [];
        SelectFinding(findings.Count == 1 ? findings[0].FindingId : null);
    }

    /// <summary>Chooses the finding and proposes its deadline for dates not yet chosen.</summary>
    private void SelectFinding(int? findingId)
    {
        _model.FindingId = findingId;
        var finding = _choices?.FirstOrDefault(c => c.FindingId == findingId);
        if (finding is null)
        {
            return;
        }

        _categoryId = finding.CategoryId;
        if (finding.Deadline is { } deadline)
        {
            _model.StartDate ??= deadline.Start.ToDateTime(TimeOnly.MinValue);
            _model.EndDate ??= deadline.End.ToDateTime(TimeOnly.MinValue);
        }
    }

    private static string Shorten(string text) =>
        text.Length <= SummaryLength ? text : text[..SummaryLength].TrimEnd() + "…";

    private async Task SaveAsync()
    {
        if (!await _form.ValidatesAsync())
        {
            return;
        }

        _saving = true;
        _error = null;
        try
        {
            var result = await Actions.CreateAsync(_model);
            if (result is { Succeeded: true, Current: { } created })
            {
                Navigation.NavigateTo($"/plan/acciones/{created.Id}");
                return;
            }

            _error = result.Error;
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
