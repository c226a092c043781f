using System.ComponentModel.DataAnnotations;
using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Dashboard.Components.Pages.Account;

/// <summary>Sign-in form (static server rendering: it sets the sign-in cookie). Locks the account after repeated failures.</summary>
public partial class Login
{
    private string? _error;

    [Inject]
    public required SignInManager<ApplicationUser> SignIn { get; init; }

    [Inject]
    public required UserManager<ApplicationUser> Users { get; init; }

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
        var user = await Users.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            _error = "Esta cuenta está deshabilitada. Pida ayuda al administrador.";
            return;
        }

        var result = await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _error = result.IsLockedOut
            ? "La cuenta quedó bloqueada por demasiados intentos fallidos. Espere unos minutos o pida ayuda al administrador."
            : "Usuario o contraseña incorrectos.";
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
