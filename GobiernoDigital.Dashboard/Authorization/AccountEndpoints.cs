using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>Endpoints of the account that are not pages.</summary>
public static class AccountEndpoints
{
    /// <summary><c>POST /cuenta/salir</c>: signs out (antiforgery-checked form post) and goes to the overview.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cuenta/salir", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).AllowAnonymous();
        return endpoints;
    }
}
