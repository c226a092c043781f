using System.ComponentModel.DataAnnotations;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Account;

/// <summary>
/// Sign-in form (static server rendering: it sets the sign-in cookie). Locks the account after repeated failures; every
/// failure reads the same and takes about as long (<see cref="UniformSignIn"/>).
/// </summary>
public partial class Login
{
    private string? _error;

    [Inject]
    public required UniformSignIn SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    /// <summary>Where to go after signing in; only paths of this site are followed.</summary>
    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        ArgumentNullException.ThrowIfNull(Input);
        if (await SignIn.SignInAsync(Input.UserName, Input.Password))
        {
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _error = UniformSignIn.FailureMessage;
    }

    /// <summary>A local path ("/categorias/3"), never another site ("//evil", "https://…").</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private sealed class LoginInput
    {
        [Required(ErrorMessage = "Escriba su usuario.")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Escriba su contraseña.")]
        public string Password { get; set; } = string.Empty;
    }
}
