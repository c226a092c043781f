using System.Globalization;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components.Authorization;

namespace GobiernoDigital.Dashboard.Export;

/// <summary>The audit trail, filtered as on <c>/auditoria</c>, as an xlsx download.</summary>
/// <remarks>
/// Reserved like the page: the endpoint requires <see cref="Policies.VerAuditoria"/>, and the service checks it again
/// against the database (a user disabled or demoted since signing in is refused).
/// </remarks>
public static class AuditExportEndpoints
{
    public const string Path = "/exportar/auditoria.xlsx";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary><c>GET /exportar/auditoria.xlsx?desde=2024-03-01&amp;hasta=2024-03-31&amp;usuario=…&amp;categoria=7&amp;tipo=Meta</c>, every filter optional.</summary>
    public static IEndpointRouteBuilder MapAuditExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization(Policies.VerAuditoria);
        return endpoints;
    }

    /// <summary>The address of the download of the entries that match <paramref name="query"/>.</summary>
    public static string For(AuditQuery query)
    {
        var parameters = new List<string>();
        if (query.From is { } from)
        {
            parameters.Add("desde=" + from.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        if (query.To is { } to)
        {
            parameters.Add("hasta=" + to.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(query.UserId))
        {
            parameters.Add("usuario=" + Uri.EscapeDataString(query.UserId));
        }

        if (query.CategoryId is { } category)
        {
            parameters.Add("categoria=" + category.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            parameters.Add("tipo=" + Uri.EscapeDataString(query.Kind));
        }

        return parameters.Count == 0 ? Path : Path + "?" + string.Join("&", parameters);
    }

    // Every filter is read as text, so that a mistyped address gets a Spanish message instead of a binding error.
    private static async Task<IResult> ExportAsync(
        HttpContext context, string? desde, string? hasta, string? usuario, string? categoria, string? tipo,
        AuthenticationStateProvider authentication, AuditTrailService audit, CancellationToken cancellationToken)
    {
        if (!TryDate(desde, out var from) || !TryDate(hasta, out var to))
        {
            return Message(StatusCodes.Status400BadRequest, "Las fechas «desde» y «hasta» se escriben como aaaa-mm-dd, por ejemplo 2024-03-31.");
        }

        if (from > to)
        {
            return Message(StatusCodes.Status400BadRequest, "La fecha «desde» no puede ser posterior a la fecha «hasta».");
        }

        int? categoryId = null;
        if (!string.IsNullOrEmpty(categoria))
        {
            if (!int.TryParse(categoria, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Message(StatusCodes.Status400BadRequest, "La categoría debe ser un número.");
            }

            categoryId = parsed;
        }

        // Outside a circuit nobody has told the components' provider who is signed in: the request's user is the one.
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }

        try
        {
            var file = await audit.ExportAsync(
                new AuditQuery { From = from, To = to, UserId = usuario, CategoryId = categoryId, Kind = string.IsNullOrWhiteSpace(tipo) ? null : tipo },
                cancellationToken);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (AccessDeniedException ex)
        {
            return Message(StatusCodes.Status403Forbidden, ex.Message);
        }
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static IResult Message(int statusCode, string text) =>
        Results.Text(text, "text/plain; charset=utf-8", statusCode: statusCode);
}
