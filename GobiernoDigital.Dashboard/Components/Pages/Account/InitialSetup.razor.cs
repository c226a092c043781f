using System.ComponentModel.DataAnnotations;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Account;

/// <summary>The one-time link printed at the first start: creates the first Administrador, then stops working.</summary>
public partial class InitialSetup
{
    private bool _valid;
    private bool _done;
    private IReadOnlyList<string> _errors = [];

    [Inject]
    public required FirstAdministratorSetup Setup { get; init; }

    /// <summary>The token from the link.</summary>
    [Parameter]
    public string Token { get; set; } = string.Empty;

    [SupplyParameterFromForm]
    private SetupInput? Input { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new SetupInput();
        _valid = Setup.IsValid(Token);
    }

    private async Task CreateAsync()
    {
        ArgumentNullException.ThrowIfNull(Input);
        _errors = await Setup.CreateAdministratorAsync(Token, Input.UserName, Input.DisplayName, Input.Password);
        _done = _errors.Count == 0;
        _valid = _done || Setup.IsValid(Token);
    }

    private sealed class SetupInput
    {
        [Required(ErrorMessage = "Escriba el nombre para mostrar.")]
        [StringLength(200, ErrorMessage = "Máximo 200 caracteres.")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Escriba el usuario.")]
        [StringLength(100, ErrorMessage = "Máximo 100 caracteres.")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Escriba la contraseña.")]
        public string Password { get; set; } = string.Empty;

        [Compare(nameof(Password), ErrorMessage = "Las contraseñas no coinciden.")]
        public string Confirmation { get; set; } = string.Empty;
    }
}
