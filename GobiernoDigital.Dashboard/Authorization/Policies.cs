using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>One authorization policy per capability. Pages, endpoints and services check the policy, never a role name.</summary>
public static class Policies
{
    /// <summary>Record and change the scores of a measurement.</summary>
    public const string EditarPuntajes = nameof(EditarPuntajes);

    /// <summary>Set the metas of the categories.</summary>
    public const string EditarMetas = nameof(EditarMetas);

    /// <summary>Add, rename, reorder and retire components and categories.</summary>
    public const string EditarCatalogo = nameof(EditarCatalogo);

    /// <summary>Keep the improvement plan and its actions current.</summary>
    public const string EditarPlan = nameof(EditarPlan);

    /// <summary>Read the audit trail.</summary>
    public const string VerAuditoria = nameof(VerAuditoria);

    /// <summary>Create users, reset passwords, disable users, change roles.</summary>
    public const string AdministrarUsuarios = nameof(AdministrarUsuarios);

    private static readonly string[] EditingRoles = [Roles.Editor, Roles.Administrador];
    private static readonly string[] AdministratorRoles = [Roles.Administrador];

    /// <summary>The roles that grant <paramref name="policy"/>.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) =>
        policy == AdministrarUsuarios ? AdministratorRoles : EditingRoles;

    /// <summary>What each policy requires.</summary>
    public static void Add(AuthorizationOptions options)
    {
        foreach (var policy in new[] { EditarPuntajes, EditarMetas, EditarCatalogo, EditarPlan, VerAuditoria, AdministrarUsuarios })
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(RolesFor(policy)));
        }
    }
}
