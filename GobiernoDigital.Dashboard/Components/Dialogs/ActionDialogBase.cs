using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Shared;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Dialogs;

/// <summary>
/// What the action dialogs share: the action they change, the revision they send back, the service, and one way to
/// run a change. A refusal or a Spanish error stays in the dialog; on a conflict the dialog adopts the current values
/// (<see cref="OnConflict"/>) so that saving again is a deliberate choice. Success closes it with the action as it is now.
/// </summary>
public abstract class ActionDialogBase : ComponentBase
{
    /// <summary>The action as the page shows it; its revision is the one the change is checked against.</summary>
    [Parameter, EditorRequired]
    public ActionDetailModel Action { get; set; } = null!;

    [CascadingParameter]
    public IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject]
    public required ActionService Actions { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>The Spanish message of the last refusal or conflict, shown at the top of the dialog.</summary>
    protected string? Error { get; private set; }

    protected bool Saving { get; private set; }

    protected MudForm? Form { get; set; }

    /// <summary>The revision the next change sends: the page's, or the current one after a conflict.</summary>
    protected int Revision { get; private set; }

    /// <summary>Today in Colombia, the default and the latest date of evidence.</summary>
    protected DateTime Today => ActionStatusText.Today(Clock).ToDateTime(TimeOnly.MinValue);

    protected override void OnInitialized() => Revision = Action.Revision;

    protected void Cancel() => MudDialog.Cancel();

    /// <summary>Validates the form, runs <paramref name="change"/> with the revision, and closes on success.</summary>
    protected async Task SaveAsync(Func<int, Task<ActionChangeResult>> change)
    {
        if (!await Form.ValidatesAsync())
        {
            return;
        }

        Saving = true;
        Error = null;
        try
        {
            var result = await change(Revision);
            if (result.Succeeded)
            {
                MudDialog.Close(DialogResult.Ok(result.Current));
                return;
            }

            Error = result.Error;
            if (result.IsConflict && result.Current is { } current)
            {
                Revision = current.Revision;
                Action = current;
                OnConflict(current);
            }
        }
        catch (AccessDeniedException ex)
        {
            Error = ex.Message;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Called after a conflict with the current values; dialogs that show the action's fields reload them.</summary>
    protected virtual void OnConflict(ActionDetailModel current)
    {
    }
}
