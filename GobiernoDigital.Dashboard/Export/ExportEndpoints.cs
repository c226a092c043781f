using GobiernoDigital.Core.Export;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;

namespace GobiernoDigital.Dashboard.Export;

/// <summary>Downloads of the scores and of the import template.</summary>
/// <remarks>
/// They follow the reading rule of the dashboards (no explicit policy): public while <c>Acceso:LecturaPublica</c> is
/// true, signed-in users only otherwise (the fallback policy). The template holds nothing the dashboards do not show,
/// so it is not reserved to editors.
/// </remarks>
public static class ExportEndpoints
{
    /// <summary>
    /// <c>GET /exportar/puntajes.xlsx</c> and <c>/exportar/puntajes.csv</c> (<c>?vigencia=2023</c>; the whole history
    /// without it), <c>GET /exportar/plantilla.xlsx</c> and <c>/exportar/plantilla.csv</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/exportar");
        group.MapGet("/puntajes.xlsx", (string? vigencia, ExportService exports, CancellationToken ct) => ScoresAsync(vigencia, SpreadsheetFormat.Xlsx, exports, ct));
        group.MapGet("/puntajes.csv", (string? vigencia, ExportService exports, CancellationToken ct) => ScoresAsync(vigencia, SpreadsheetFormat.Csv, exports, ct));
        group.MapGet("/plantilla.xlsx", async (ExportService exports, CancellationToken ct) => Download(await exports.GetTemplateAsync(SpreadsheetFormat.Xlsx, ct)));
        group.MapGet("/plantilla.csv", async (ExportService exports, CancellationToken ct) => Download(await exports.GetTemplateAsync(SpreadsheetFormat.Csv, ct)));
        return endpoints;
    }

    // The vigencia is read as text, so that a mistyped address gets a Spanish message instead of a binding error.
    private static async Task<IResult> ScoresAsync(string? vigenciaText, SpreadsheetFormat format, ExportService exports, CancellationToken cancellationToken)
    {
        if (!VigenciaQuery.TryParse(vigenciaText, out var vigencia))
        {
            return Message(StatusCodes.Status400BadRequest, VigenciaQuery.InvalidMessage(vigenciaText));
        }

        var file = await exports.GetScoresAsync(vigencia, format, cancellationToken);
        return file is null
            ? Message(StatusCodes.Status404NotFound, $"No hay una medición registrada para la vigencia {vigencia}.")
            : Download(file);
    }

    private static IResult Download(ExportFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static IResult Message(int statusCode, string text) =>
        Results.Text(text, "text/plain; charset=utf-8", statusCode: statusCode);
}
