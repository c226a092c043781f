using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Core.Identity;

/// <summary>A person who signs in: the IT advisor, an administrator, a reader of the committee.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the app and in the audit trail (e.g. "Martha Saldaña").</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled user cannot sign in; the account and its history stay.</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>The three roles and what each may do.</summary>
public static class Roles
{
    /// <summary>Manages users and roles, and everything an editor does.</summary>
    public const string Administrador = "Administrador";

    /// <summary>The IT advisor: records measurements, targets, catalog and plan.</summary>
    public const string Editor = "Editor";

    /// <summary>Signed-in read access.</summary>
    public const string Lector = "Lector";

    public static IReadOnlyList<string> All { get; } = [Administrador, Editor, Lector];
}
