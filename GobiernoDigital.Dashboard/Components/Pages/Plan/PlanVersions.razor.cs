using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Plan;

/// <summary>
/// The versions of the plan for every reader, each linking to its page and its xlsx; editors re-issue the current
/// version with a new approval (date, act, body) and who prepared it.
/// </summary>
public partial class PlanVersions
{
    private readonly List<BreadcrumbItem> _breadcrumbs =
    [
        new BreadcrumbItem("Plan de mejoramiento", "/plan"),
        new BreadcrumbItem("Versiones", href: null),
    ];

    private ReIssueValidator _validator = null!;
    private IReadOnlyList<PlanVersionModel>? _versions;
    private ReIssueFormModel? _form;
    private MudForm? _mudForm;
    private string? _message;
    private bool _succeeded;
    private bool _saving;

    [Inject]
    public required PlanVersionService Versions { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    private DateTime Today => ActionStatusText.Today(Clock).ToDateTime(TimeOnly.MinValue);

    protected override async Task OnInitializedAsync()
    {
        _validator = new ReIssueValidator(Clock);
        await ReloadAsync();
    }

    private async Task ReIssueAsync()
    {
        if (_form is null || !await _mudForm.ValidatesAsync())
        {
            return;
        }

        var next = _form.CurrentVersion + 1;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Emitir nueva versión",
            $"Se emitirá la versión {next} del plan {_form.Code}, aprobada el {EsCo.Date(DateOnly.FromDateTime(_form.ApprovedOn!.Value))} ({_form.ApprovalAct}). " +
            $"La versión {_form.CurrentVersion} quedará de solo lectura.",
            yesText: $"Emitir la versión {next}",
            cancelText: "Cancelar");
        if (confirmed != true)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Versions.ReIssueAsync(_form);
            _succeeded = result.Succeeded;
            _message = result.Succeeded
                ? $"Se emitió la versión {next} del plan {_form.Code}. La versión {_form.CurrentVersion} queda para consulta."
                : result.Error;
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

        if (_succeeded)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        _versions = await Versions.ListAsync();
        // The most recently approved current version is the one re-issued (one plan code in practice).
        var current = _versions.Where(v => v.IsCurrent).OrderByDescending(v => v.ApprovedOn).FirstOrDefault();
        _form = current is null ? null : ReIssueFormModel.For(current, ActionStatusText.Today(Clock));
    }
}
