using System.ComponentModel.DataAnnotations;
using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Dashboard.Components.Pages.Account;

/// <summary>The signed-in user changes their own password; the session is renewed so it stays signed in.</summary>
public partial class ChangePassword
{
    private bool _done;
    private IReadOnlyList<string> _errors = [];

    [Inject]
    public required UserManager<ApplicationUser> Users { get; init; }

    [Inject]
    public required SignInManager<ApplicationUser> SignIn { get; init; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm]
    private ChangePasswordInput? Input { get; set; }

    protected override void OnInitialized() => Input ??= new ChangePasswordInput();

    private async Task ChangeAsync()
    {
        ArgumentNullException.ThrowIfNull(Input);
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            _errors = ["No se encontró su cuenta. Inicie sesión de nuevo."];
            return;
        }

        var result = await Users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            _errors = result.Errors.Select(e => e.Description).ToList();
            return;
        }

        await SignIn.RefreshSignInAsync(user);
        _errors = [];
        _done = true;
    }

    private sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Escriba su contraseña actual.")]
        public string Current { get; set; } = string.Empty;

        [Required(ErrorMessage = "Escriba la contraseña nueva.")]
        public string New { get; set; } = string.Empty;

        [Compare(nameof(New), ErrorMessage = "Las contraseñas no coinciden.")]
        public string Confirmation { get; set; } = string.Empty;
    }
}
