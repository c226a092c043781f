using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Dialogs;

/// <summary>
/// A dialog with one form: it validates the fields, hands the model to <see cref="Save"/>, shows the refusal inside the
/// dialog (so the editor can correct and retry), and closes only when the change was saved.
/// </summary>
/// <typeparam name="TModel">The form model the dialog edits.</typeparam>
public abstract class FormDialogBase<TModel> : ComponentBase
    where TModel : class
{
    /// <summary>The dialog instance MudBlazor cascades.</summary>
    [CascadingParameter]
    public IMudDialogInstance MudDialog { get; set; } = null!;

    /// <summary>The form model, filled with the current values when editing.</summary>
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = null!;

    /// <summary>Saves the model; a failed result's message is shown in the dialog and nothing closes.</summary>
    [Parameter, EditorRequired]
    public Func<TModel, Task<EditResult>> Save { get; set; } = null!;

    /// <summary>The text of the confirming button.</summary>
    [Parameter]
    public string SaveText { get; set; } = "Guardar";

    protected MudForm? Form { get; set; }

    protected string? Error { get; private set; }

    protected bool Saving { get; private set; }

    protected async Task SubmitAsync()
    {
        if (Form is null || Saving)
        {
            return;
        }

        await Form.ValidateAsync();
        if (!Form.IsValid)
        {
            return;
        }

        Saving = true;
        try
        {
            var result = await Save(Model);
            if (result.Succeeded)
            {
                MudDialog.Close(DialogResult.Ok(Model));
                return;
            }

            Error = result.Error;
        }
        finally
        {
            Saving = false;
        }
    }

    protected void Cancel() => MudDialog.Cancel();
}
