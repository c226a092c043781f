using Microsoft.AspNetCore.Authentication.Cookies;

namespace GobiernoDigital.Dashboard.Authorization;

/// <summary>
/// An API answers with a status code, not with the sign-in page: under <c>/api</c>, a request the fallback policy
/// (<c>Acceso:LecturaPublica = false</c>) or an endpoint's policy refuses gets 401 (not signed in) or 403 (not allowed),
/// with a Spanish message; pages keep redirecting to the sign-in page.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>The prefix of the API's addresses.</summary>
    public const string ApiPrefix = "/api";

    /// <summary>For <c>ConfigureApplicationCookie</c>, after Identity set its cookie events up.</summary>
    public static void AnswerApiWithStatusCodes(CookieAuthenticationOptions options)
    {
        var redirectToLogin = options.Events.OnRedirectToLogin;
        var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context => IsApi(context.Request)
            ? WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "Inicie sesión para consultar estos datos: esta instalación no publica la consulta (Acceso:LecturaPublica = false).")
            : redirectToLogin(context);
        options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
            ? WriteAsync(context.Response, StatusCodes.Status403Forbidden, "Su cuenta no tiene permiso para esta consulta.")
            : redirectToAccessDenied(context);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    // A body keeps the status-code pages from replacing the answer with the HTML "not found" page.
    private static Task WriteAsync(HttpResponse response, int statusCode, string message)
    {
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message);
    }
}
