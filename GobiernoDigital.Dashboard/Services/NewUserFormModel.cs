using FluentValidation;
using GobiernoDigital.Core.Identity;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What the "Nuevo usuario" form holds. There is no password field: the service generates one.</summary>
public sealed class NewUserFormModel
{
    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Role { get; set; } = Roles.Lector;
}

/// <summary>
/// Spanish messages for a new user, shown next to each field by MudForm; <see cref="UserAdministrationService"/>
/// checks the same rules on the server.
/// </summary>
/// <remarks>The user-name characters are Identity's allowed ones (ASCII letters, digits and . _ @ -), so the form refuses what Identity would.</remarks>
public sealed class NewUserValidator : AbstractValidator<NewUserFormModel>
{
    public NewUserValidator()
    {
        RuleFor(m => m.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba el usuario.")
            .Length(3, 100).WithMessage("El usuario debe tener entre 3 y 100 caracteres.")
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("El usuario solo puede tener letras sin tildes ni eñes, números y . _ @ -.");
        RuleFor(m => m.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Escriba el nombre de la persona.")
            .MaximumLength(200).WithMessage("El nombre admite como máximo 200 caracteres.");
        RuleFor(m => m.Role)
            .Must(r => Roles.All.Contains(r, StringComparer.Ordinal)).WithMessage("Elija un rol: Administrador, Editor o Lector.");
    }

    /// <summary>The per-field validation MudForm calls.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<NewUserFormModel>.CreateWithOptions((NewUserFormModel)model, x => x.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
