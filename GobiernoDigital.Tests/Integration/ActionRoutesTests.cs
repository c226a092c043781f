using System.Net;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The action and plan-version pages as the server prerenders them for an anonymous reader.</summary>
public sealed class ActionRoutesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAction_SeededAction_PrerendersItsCategoryStatusAndDates()
    {
        // The app creates and seeds its database when it starts: start it before reading the database directly, or this
        // test fails with "no such table" whenever it runs first in its class.
        using var client = app.CreateClient();
        int id;
        await using (var db = await app.Database.CreateDbContextAsync(Ct))
        {
            id = await db.Actions.Where(a => a.Finding.Category.Name == "Colaboración").Select(a => a.Id).SingleAsync(Ct);
        }

        var (status, html) = await GetAsync($"/plan/acciones/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Acción de mejora · Gobierno Digital</title>", html, StringComparison.Ordinal);
        Assert.Contains("Colaboración", html, StringComparison.Ordinal);
        Assert.Contains("No iniciada", html, StringComparison.Ordinal);
        Assert.Contains("del 01/08/2024 al 31/12/2027", html, StringComparison.Ordinal);
        Assert.Contains("Aún no hay evidencias registradas.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cerrar-accion", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAction_UnknownId_TheSpanishNotFoundPage()
    {
        var (status, html) = await GetAsync("/plan/acciones/999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Página no encontrada", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNewAction_Anonymously_RedirectsToSignIn()
    {
        using var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/plan/acciones/nueva?hallazgo=1", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AuthForms.SignInPath, AuthForms.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNewAction_MalformedFindingInTheAddress_TheFormWithoutAnErrorBoundary()
    {
        await TestUsers.CreateAsync(app.Services, "editor.hallazgo", Roles.Editor);
        using var client = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(client, "editor.hallazgo", TestUsers.Password);

        using var response = await client.GetAsync("/plan/acciones/nueva?hallazgo=abc", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AuthForms.TextAsync(response);
        Assert.Contains("data-testid=\"campo-categoria\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No pudimos mostrar esta parte de la página", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"error-nueva-accion\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersions_Anonymously_ListsVersion1WithItsExportAndNoForm()
    {
        var (status, html) = await GetAsync("/plan/versiones");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Acta No. 05 de 2024", html, StringComparison.Ordinal);
        Assert.Contains("vigente", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/plan?version=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/exportar/plan.xlsx?version=1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Emitir nueva versión", html, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await app.CreateClient().GetAsync(path, Ct);
        return (response.StatusCode, await AuthForms.TextAsync(response));
    }
}
