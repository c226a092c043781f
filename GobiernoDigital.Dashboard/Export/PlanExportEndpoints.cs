using System.Globalization;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Export;

/// <summary>The plan with its actions and follow-up as an xlsx download.</summary>
public static class PlanExportEndpoints
{
    public const string Path = "/exportar/plan.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /exportar/plan.xlsx[?version=N]</c>: the current version by default. It reads as the pages do: public when
    /// <c>Acceso:LecturaPublica</c> is true, otherwise the fallback policy asks for a signed-in user. An unknown or
    /// malformed version gets the app's Spanish not-found page.
    /// </summary>
    public static IEndpointRouteBuilder MapPlanExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync);
        return app;
    }

    /// <summary>The link to the export of <paramref name="version"/> (the current one when null).</summary>
    public static string For(int? version) =>
        version is { } v ? $"{Path}?version={v.ToString(CultureInfo.InvariantCulture)}" : Path;

    private static async Task<IResult> ExportAsync(
        string? version, IDbContextFactory<GobiernoDigitalDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        int? wanted = null;
        if (!string.IsNullOrEmpty(version))
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Results.NotFound();
            }

            wanted = parsed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workbook = await PlanWorkbook.LoadAsync(db, wanted, ActionStatusText.Today(clock), cancellationToken);
        if (workbook is null)
        {
            return Results.NotFound();
        }

        var stream = new MemoryStream();
        workbook.WriteTo(stream);
        stream.Position = 0;
        return Results.File(stream, ContentType, workbook.FileName);
    }
}
