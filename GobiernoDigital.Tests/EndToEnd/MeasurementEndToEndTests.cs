using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// An editor records a measurement in a real browser and the overview follows. The class has a
/// <see cref="KestrelDashboardApp"/> of its own, so vigencia 2024 never reaches the other end-to-end classes.
/// </summary>
public sealed class MeasurementEndToEndTests(KestrelDashboardApp app, ChromiumFixture chromium)
    : IClassFixture<KestrelDashboardApp>, IClassFixture<ChromiumFixture>
{
    private const string NotMeasuredCategory = "Gobierno de TI";

    [Fact]
    public async Task NewMeasurement_EditorRecords2024ForTheSeedCategories_OverviewShowsTheFigureAndTheChangeAgainst2023()
    {
        var browser = chromium.RequireBrowser();
        await TestUsers.CreateAsync(app.Services, "asesora.mediciones", Roles.Editor, "Asesora de Mediciones");
        var categories = await SeedCategoriesAsync();
        await using var dashboard = await DashboardPage.CreateAsync(browser, app);
        var page = dashboard.Page;

        // Anonymous: the form asks to sign in first, then comes back to it.
        await page.GotoAsync(app.At("/mediciones/nueva").ToString());
        await dashboard.SignInOnTheOpenPageAsync("asesora.mediciones", app.At("/mediciones/nueva"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Nueva medición" })).ToBeVisibleAsync();

        var vigencia = page.GetByLabel("Vigencia (año medido)");
        await vigencia.FillAsync("2024");
        await vigencia.PressAsync("Tab");
        await Expect(page.GetByTestId("fila-medicion")).ToHaveCountAsync(categories.Count);

        // A distinct score per category (20; 24,5; 29; …), typed with a decimal comma; Gobierno de TI stays «Sin medición».
        var measured = new List<(decimal Weight, decimal Score)>();
        foreach (var (category, index) in categories.Select((c, i) => (c, i)))
        {
            if (category.Name == NotMeasuredCategory)
            {
                await page.GetByRole(AriaRole.Radiogroup, new() { Name = $"Estado del puntaje de {category.Name}", Exact = true })
                    .GetByRole(AriaRole.Radio, new() { Name = "Sin medición" })
                    .CheckAsync();
                await Expect(page.GetByLabel($"Puntaje de {category.Name}", new() { Exact = true })).ToBeDisabledAsync();
                continue;
            }

            var score = 20m + (index * 4.5m);
            await page.GetByLabel($"Puntaje de {category.Name}", new() { Exact = true }).FillAsync(score.ToString(EsCo.Culture));
            measured.Add((category.Weight, score));
        }

        await SaveScreenshotAsync(page, "nueva-medicion.png");
        await page.GetByTestId("guardar-medicion").ClickAsync();

        // Σ wᵢ·sᵢ / Σ wᵢ over the measured categories, against the seed's 40,0 % of 2023.
        var expected = measured.Sum(m => m.Weight * m.Score) / measured.Sum(m => m.Weight);
        await Expect(page).ToHaveURLAsync(app.At("/?vigencia=2024").ToString());
        await Expect(page.GetByTestId("porcentaje")).ToHaveTextAsync(EsCo.Percent(expected));
        await Expect(page.GetByTestId("cobertura")).ToContainTextAsync($"{measured.Count} de {categories.Count} categorías medidas (1 sin medición)");
        var change = page.GetByTestId("cambio");
        await Expect(change).ToContainTextAsync("Frente a 2023 (40,0 %)");
        await Expect(change).ToContainTextAsync($"{EsCo.SignedNumber(expected - 40m)} puntos");

        // The list has the new measurement first, with the same figure.
        await dashboard.OpenAsync("/mediciones");
        var first = page.GetByTestId("tabla-mediciones").Locator("tbody tr").First;
        await Expect(first.GetByTestId("medicion-vigencia")).ToHaveTextAsync("2024");
        await Expect(first.GetByTestId("medicion-porcentaje")).ToHaveTextAsync(EsCo.Percent(expected));
        await SaveScreenshotAsync(page, "mediciones.png");

        dashboard.AssertNoErrors();
    }

    /// <summary>The filled form as a PNG under the test output's <c>artifacts/</c> folder, in a viewport tall enough for all of it.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1400, Math.Max(900, height));
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, fileName) });
        await page.SetViewportSizeAsync(1400, 900);
    }

    /// <summary>The seed's categories in the form's order (component, then category), with their weights.</summary>
    private async Task<List<(string Name, decimal Weight)>> SeedCategoriesAsync()
    {
        await using var db = app.Database.CreateDbContext();
        var categories = await db.Categories
            .OrderBy(c => c.Component.DisplayOrder).ThenBy(c => c.DisplayOrder)
            .Select(c => new { c.Name, c.Weight })
            .ToListAsync(TestContext.Current.CancellationToken);
        return categories.Select(c => (c.Name, c.Weight)).ToList();
    }
}
