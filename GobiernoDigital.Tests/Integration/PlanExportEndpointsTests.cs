using System.Net;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Export;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary><c>GET /exportar/plan.xlsx</c> on the real app, seeded as on a first start (TI.PL03 version 1).</summary>
public sealed class PlanExportEndpointsTests(DashboardAppFactory app, PrivateReadingAppFactory privateApp)
    : IClassFixture<DashboardAppFactory>, IClassFixture<PrivateReadingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Anonymously_TheCurrentVersionAsXlsxWithItsFileName()
    {
        using var response = await app.CreateClient().GetAsync(PlanExportEndpoints.Path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("plan-de-mejoramiento-TI.PL03-v1.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Get_ActionsSheet_OneRowPerActionPlusOnePerFindingWithoutActionsInTheSeedsColumns()
    {
        int actions, findingsWithoutActions, noAplica;
        using var client = app.CreateClient(); // starts the app, which migrates and seeds the database, if no test did yet
        await using (var db = await app.Database.CreateDbContextAsync(Ct))
        {
            actions = await db.Actions.CountAsync(Ct);
            findingsWithoutActions = await db.Findings.CountAsync(f => !f.Actions.Any(), Ct);
            noAplica = await db.Findings.CountAsync(f => f.ImprovementsNotApplicable, Ct);
        }

        await using var workbook = await DownloadAsync(PlanExportEndpoints.Path);
        var columns = workbook.GetColumns(useHeaderRow: true, sheetName: PlanWorkbook.ActionsSheet)!.ToList();
        workbook.Position = 0;
        var rows = workbook.Query(useHeaderRow: true, sheetName: PlanWorkbook.ActionsSheet).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(
            ["CATEGORÍAS", "PUNTAJE", "DISEÑO ALTERNATIVAS DE MEJORA", "MEJORAS PARA IMPLEMENTAR", "FECHA", "EVALUACIÓN DE LA EFICACIA"],
            columns.Take(6));
        Assert.Equal(PlanWorkbook.FollowUpColumns, columns.Skip(6));
        Assert.Equal(actions + findingsWithoutActions, rows.Count);
        Assert.Equal(actions, rows.Count(r => r[PlanWorkbook.Status] is not null));
        Assert.Equal(noAplica, rows.Count(r => PlanWorkbook.NotApplicable.Equals(r[PlanWorkbook.Action])));
        // The seed's first row: Transparencia at 40 with its deadline; every seeded action starts No iniciada.
        Assert.Equal("Indicadores de Proceso Logro: Transparencia", rows[0][PlanWorkbook.Categories]);
        Assert.Equal("01/08/2024 al 31/12/2027", rows[0][PlanWorkbook.Deadline]);
        Assert.All(rows.Where(r => r[PlanWorkbook.Status] is not null), r => Assert.Equal("No iniciada", r[PlanWorkbook.Status]));
    }

    [Theory]
    [InlineData("?version=1")]
    [InlineData("?version=")]
    public async Task Get_Version1_IsThePlan(string query)
    {
        await using var workbook = await DownloadAsync(PlanExportEndpoints.Path + query);

        var header = workbook.Query(useHeaderRow: true, sheetName: PlanWorkbook.PlanSheet).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Campo"]!, r => r["Valor"]);
        Assert.Equal("TI.PL03", header["Código"]);
        Assert.Equal("1 (vigente)", header["Versión"]);
    }

    [Theory]
    [InlineData("?version=7")]
    [InlineData("?version=abc")]
    [InlineData("?version=-1")]
    public async Task Get_UnknownOrMalformedVersion_TheSpanishNotFoundPage(string query)
    {
        using var response = await app.CreateClient().GetAsync(PlanExportEndpoints.Path + query, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Página no encontrada", await AuthForms.TextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PrivateReadingAnonymously_RedirectsToSignIn()
    {
        using var response = await privateApp.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(PlanExportEndpoints.Path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthForms.SignInPath, AuthForms.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PrivateReadingSignedInAsLector_TheWorkbook()
    {
        await TestUsers.CreateAsync(privateApp.Services, "lector.exporta", Roles.Lector);
        using var client = AuthForms.CreateBrowserClient(privateApp);
        await AuthForms.SignInOrFailAsync(client, "lector.exporta", TestUsers.Password);

        using var response = await client.GetAsync(PlanExportEndpoints.Path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<MemoryStream> DownloadAsync(string path)
    {
        using var response = await app.CreateClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return stream;
    }
}
