using GobiernoDigital.Dashboard.Services;

namespace GobiernoDigital.Dashboard.Export;

/// <summary>
/// The open data (<em>datos abiertos</em>): <c>GET /api/datos-abiertos/puntajes.csv</c> and <c>…/puntajes.json</c>,
/// read-only, documented at <c>/datos-abiertos</c>.
/// </summary>
/// <remarks>
/// <para>They follow the reading rule of the dashboards (no explicit policy): public while <c>Acceso:LecturaPublica</c>
/// is true; otherwise the fallback policy applies and an anonymous caller gets a 401 with a Spanish message, not a
/// redirect to the sign-in page (see <see cref="Authorization.ApiAuthentication"/>).</para>
/// <para>Every answer carries <c>Access-Control-Allow-Origin: *</c> so a page on any site can read the public figures
/// with <c>fetch</c>. No credentials are allowed with <c>*</c>, so with private reading a browser on another site still
/// cannot read them with the user's cookie.</para>
/// </remarks>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenDataService.CsvPath, async (HttpContext http, OpenDataService data, CancellationToken ct) =>
        {
            var dataset = await data.GetDatasetAsync(DictionaryUrl(http), ct);
            return Answer(http, dataset.ToCsv(), "text/csv; charset=utf-8");
        });
        endpoints.MapGet(OpenDataService.JsonPath, async (HttpContext http, OpenDataService data, CancellationToken ct) =>
        {
            var dataset = await data.GetDatasetAsync(DictionaryUrl(http), ct);
            return Answer(http, dataset.ToJson(), "application/json; charset=utf-8");
        });
        return endpoints;
    }

    private static IResult Answer(HttpContext http, byte[] content, string contentType)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        return Results.Bytes(content, contentType);
    }

    private static string DictionaryUrl(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{OpenDataService.DictionaryPath}";
}
