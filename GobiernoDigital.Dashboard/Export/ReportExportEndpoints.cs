using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;

namespace GobiernoDigital.Dashboard.Export;

/// <summary>The committee report as a workbook.</summary>
/// <remarks>
/// Same reading rule as the dashboards and the other downloads (no explicit policy): public while
/// <c>Acceso:LecturaPublica</c> is true, signed-in users only otherwise (the fallback policy).
/// </remarks>
public static class ReportExportEndpoints
{
    /// <summary><c>GET /exportar/informe.xlsx</c> (<c>?vigencia=2023</c>; the latest measured vigencia without it).</summary>
    public static IEndpointRouteBuilder MapReportExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exportar/informe.xlsx", WorkbookAsync);
        return endpoints;
    }

    // The vigencia is read as text, so that a mistyped address gets a Spanish message instead of a binding error.
    private static async Task<IResult> WorkbookAsync(string? vigencia, ReportService reports, CancellationToken cancellationToken)
    {
        if (!VigenciaQuery.TryParse(vigencia, out var requested))
        {
            return Message(StatusCodes.Status400BadRequest, VigenciaQuery.InvalidMessage(vigencia));
        }

        var file = await reports.GetWorkbookAsync(requested, cancellationToken);
        if (file is not null)
        {
            return Results.File(file.Content, file.ContentType, file.FileName);
        }

        return Message(
            StatusCodes.Status404NotFound,
            requested is { } v ? $"No hay una medición registrada para la vigencia {v}." : "Aún no hay mediciones registradas: no hay informe que descargar.");
    }

    private static IResult Message(int statusCode, string text) =>
        Results.Text(text, "text/plain; charset=utf-8", statusCode: statusCode);
}
