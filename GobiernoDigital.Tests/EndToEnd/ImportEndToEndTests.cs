using System.Text;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// An editor imports vigencia 2024 from a CSV file in a real browser, through the file picker of the page, and the
/// overview of 2024 shows the new figure. The class has a <see cref="KestrelDashboardApp"/> of its own.
/// </summary>
public sealed class ImportEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Import_EditorLoadsACsvFile_PreviewThenImportThenTheOverviewShowsTheNewVigencia()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "asesora.importa", Roles.Editor, "Asesora que Importa");
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;
        await page.GotoAsync(app.At("/cuenta/ingresar").ToString());
        await dashboard.SignInOnTheOpenPageAsync("asesora.importa", app.RootUri);

        await dashboard.OpenAsync("/importar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Importar puntajes" })).ToBeVisibleAsync();
        // 70 and 20 measured, Colaboración «No aplica»: (70 + 20) / 2 = 45,0 %.
        var csv = "Vigencia;Categoría;Puntaje\r\n2024;Transparencia;70\r\n2024;Información;\"20,0\"\r\n2024;colaboracion;No aplica\r\n";
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "vigencia-2024.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });

        await Expect(page.GetByTestId("tabla-cambios").Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("advertencias")).ToContainTextAsync("quedarán «Sin medición»");
        await page.GetByTestId("importar").ClickAsync();
        await Expect(page.GetByTestId("resultado-importacion")).ToContainTextAsync("Se importó «vigencia-2024.csv»: 1 medición nueva y 3 puntajes nuevos.");

        await page.GetByTestId("ver-resumen").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.At("/?vigencia=2024").ToString());
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync("45,0 %");
        await Expect(page.GetByTestId("cambio")).ToContainTextAsync("Frente a 2023 (40,0 %)");

        dashboard.AssertNoErrors();
    }
}
