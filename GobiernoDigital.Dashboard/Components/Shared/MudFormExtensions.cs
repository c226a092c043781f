using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>Helpers for the MudForms of the app.</summary>
public static class MudFormExtensions
{
    /// <summary>Validates every field (messages appear next to them); true when the form is rendered and valid.</summary>
    public static async Task<bool> ValidatesAsync(this MudForm? form)
    {
        if (form is null)
        {
            return false;
        }

        await form.ValidateAsync();
        return form.IsValid;
    }
}
