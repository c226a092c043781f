using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Users;

/// <summary>
/// Administrators list the accounts, create one with a role, reset a password, disable or re-enable an account and
/// change its role. A generated password is shown once, until the next action, and kept nowhere else.
/// </summary>
public partial class UserList
{
    private readonly NewUserValidator _validator = new();
    private NewUserFormModel _model = new();
    private MudForm? _form;
    private IReadOnlyList<UserSummary>? _users;
    private GeneratedPassword? _generated;
    private string? _denied;
    private string? _message;
    private string? _createError;
    private bool _succeeded;
    private bool _busy;

    [Inject]
    public required UserAdministrationService Administration { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task CreateAsync()
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

        await RunAsync(async () =>
        {
            var userName = _model.UserName.Trim();
            var result = await Administration.CreateAsync(userName, _model.DisplayName, _model.Role);
            if (!result.Succeeded)
            {
                _createError = result.Error;
                return;
            }

            _generated = new GeneratedPassword(userName, result.Password!);
            Report(true, $"Se creó el usuario «{userName}» con el rol {_model.Role}.");
            _model = new NewUserFormModel();
            await _form.ResetValidationAsync();
        });
    }

    private async Task ResetPasswordAsync(UserSummary user)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Restablecer contraseña",
            $"Se generará una contraseña nueva para «{user.UserName}». La actual dejará de servir y sus sesiones abiertas se cerrarán.",
            yesText: "Restablecer",
            cancelText: "Cancelar");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var result = await Administration.ResetPasswordAsync(user.Id);
            if (!result.Succeeded)
            {
                Report(false, result.Error);
                return;
            }

            _generated = new GeneratedPassword(user.UserName, result.Password!);
            Report(true, $"Se restableció la contraseña de «{user.UserName}».");
        });
    }

    private async Task SetDisabledAsync(UserSummary user, bool disabled)
    {
        if (disabled)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                "Deshabilitar usuario",
                $"«{user.UserName}» no podrá iniciar sesión y sus sesiones abiertas se cerrarán. La cuenta y su historial se conservan.",
                yesText: "Deshabilitar",
                cancelText: "Cancelar");
            if (confirmed != true)
            {
                return;
            }
        }

        await RunAsync(async () =>
        {
            var result = await Administration.SetDisabledAsync(user.Id, disabled);
            Report(result.Succeeded, result.Succeeded
                ? $"«{user.UserName}» quedó {(disabled ? "deshabilitado" : "habilitado")}."
                : result.Error);
        });
    }

    private Task ChangeRoleAsync(UserSummary user, string role) => RunAsync(async () =>
    {
        var result = await Administration.ChangeRoleAsync(user.Id, role);
        Report(result.Succeeded, result.Succeeded ? $"«{user.UserName}» tiene ahora el rol {role}." : result.Error);
    });

    private void ForgetPassword() => _generated = null;

    /// <summary>Runs one change: forgets the password shown before, turns a refusal into a message, and reloads the list.</summary>
    private async Task RunAsync(Func<Task> change)
    {
        _generated = null;
        _message = null;
        _createError = null;
        _busy = true;
        try
        {
            await change();
        }
        catch (AccessDeniedException ex)
        {
            Report(false, ex.Message);
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _users = await Administration.ListAsync();
        }
        catch (AccessDeniedException ex)
        {
            _users = null;
            _generated = null;
            _denied = ex.Message;
        }
    }

    private void Report(bool succeeded, string? message)
    {
        _succeeded = succeeded;
        _message = message ?? "No se pudo completar la operación.";
    }

    private sealed record GeneratedPassword(string UserName, string Password);
}
