using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>Endpoints of the account that are not pages.</summary>
public static class AccountEndpoints
{
    /// <summary><c>POST /cuenta/salir</c>: signs out (antiforgery-checked form post) and goes to the overview.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cuenta/salir", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            // UseAntiforgery only records the outcome for an endpoint without form binding: check it here.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await RequestLimits.WriteInvalidFormAsync(context);
                return Results.Empty;
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).AllowAnonymous();
        return endpoints;
    }
}
