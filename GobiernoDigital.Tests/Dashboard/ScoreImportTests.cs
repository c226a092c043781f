using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Import;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>The import page over the real service and guard, driven with files through bUnit's <see cref="InputFile"/> support.</summary>
public sealed class ScoreImportTests : DashboardTestContext, IClassFixture<SeededTestDatabase>
{
    private static readonly string[] Header = ScoreFiles.RequiredHeader;

    public ScoreImportTests(SeededTestDatabase seeded)
        : base(seeded)
    {
        Services.AddScoped(sp => new ScoreImportService(
            Database,
            new AccessGuard(new CurrentUser(sp.GetRequiredService<AuthenticationStateProvider>()), sp.GetRequiredService<IAuthorizationService>()),
            TimeProvider.System));
    }

    [Fact]
    public async Task Upload_FileWithBadRows_ListsEveryErrorWithItsRowAndSaysNothingWasSaved()
    {
        SignInAsEditor();
        var before = await Database.ContentHashAsync();
        var csv = ScoreFiles.CsvText(';', Header, [2023, "Transparencia", 50], [2023, "Inventada", 50], [2023, "Colaboración", 10], [2023, "Información", "100,5"]);
        var cut = Render<ScoreImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "puntajes.csv"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=tabla-errores] tbody tr")));
        Assert.Equal(
            [("3", "La categoría «Inventada» no está en el catálogo."), ("5", ValidationRules.ScoreOutOfRange)],
            ErrorRows(cut));
        Assert.Contains("No se guardó nada", cut.Find("[data-testid=nada-guardado]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2", cut.Find("[data-testid=resumen-errores]").TextContent.Trim());
        Assert.Equal("Vista previa lista: El archivo tiene 2 errores. No se guardó nada.", cut.Find("[data-testid=estado-vista-previa]").TextContent.Trim());
        Assert.True(cut.Find("button[data-testid=importar]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=tabla-cambios]"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public void Upload_TemplateWithRowsLeftBlank_NoErrorsAndThePreviewSaysTheyChangeNothing()
    {
        SignInAsEditor();
        var csv = ScoreFiles.CsvText(';', Header, [2023, "Transparencia", 55], [2023, "Colaboración", null], [2023, "Información", null]);
        var cut = Render<ScoreImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "puntajes.csv"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tabla-cambios] tbody tr")));
        Assert.Empty(cut.FindAll("[data-testid=tabla-errores]"));
        Assert.Equal("0", cut.Find("[data-testid=resumen-errores]").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid=resumen-filas-en-blanco]").TextContent.Trim());
        Assert.StartsWith(
            "Sin cambio (fila en blanco): filas 3 y 4.",
            cut.Find("[data-testid=filas-en-blanco]").TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.False(cut.Find("button[data-testid=importar]").HasAttribute("disabled"));
    }

    [Fact]
    public void Upload_FileRefusedAsAWhole_ShowsTheReasonOnTheFileRow()
    {
        SignInAsEditor();
        var cut = Render<ScoreImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Año;Nombre\n2023;Transparencia\n", "puntajes.txt"));

        cut.WaitForAssertion(() => Assert.Equal([("Archivo", ScoreFileReader.UnsupportedExtension)], ErrorRows(cut)));
        Assert.Contains("No se guardó nada", cut.Find("[data-testid=nada-guardado]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GoodWorkbook_ShowsTheChangesThenSavesThemAndLinksTheOverviewOfTheNewestVigencia()
    {
        UseOwnDatabase();
        SignInAsEditor();
        var xlsx = ScoreFiles.Xlsx(Header, [2023, "Transparencia", 55.5], [2024, "transparencia", 61], [2024, "Gobierno de TI", "No aplica"]);
        var transparencia = CategoryId("Transparencia");
        var cut = Render<ScoreImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(xlsx, "puntajes.xlsx"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=tabla-cambios] tbody tr")));
        Assert.Equal(
            [
                ["2", "2023", "Transparencia", "Puntaje", "40,0", "55,5"],
                ["3", "2024", "—", "Medición nueva", "—", "Medición de la vigencia 2024"],
                ["3", "2024", "Transparencia", "Puntaje nuevo", "—", "61,0"],
                ["4", "2024", "Gobierno de TI", "Puntaje nuevo", "—", "No aplica"],
            ],
            cut.FindAll("[data-testid=tabla-cambios] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()));
        Assert.Empty(cut.FindAll("[data-testid=tabla-errores]"));
        Assert.Contains("quedarán «Sin medición»", cut.Find("[data-testid=advertencias]").TextContent, StringComparison.Ordinal);
        cut.Find("button[data-testid=importar]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Se importó «puntajes.xlsx»", cut.Find("[data-testid=resultado-importacion]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Se importó «puntajes.xlsx»: 1 medición nueva, 2 puntajes nuevos y 1 puntaje cambiado.", cut.Find("[data-testid=resultado-importacion]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/?vigencia=2024", cut.Find("[data-testid=ver-resumen]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=vista-previa]"));
        var after = await ScoreData.LoadAsync(Database, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(2, after.Measurements.Count);
        Assert.Equal(55.5m, after.Scores[(2023, transparencia)].Score.Value);
        Assert.Equal(61m, after.Scores[(2024, transparencia)].Score.Value);
    }

    [Fact]
    public async Task Upload_SignedInWithoutThePolicy_SaysSoAndShowsNoPreview()
    {
        Auth.SetAuthorized("lectora");
        var before = await Database.ContentHashAsync();
        var cut = Render<ScoreImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(ScoreFiles.CsvText(';', Header, [2023, "Transparencia", 50]), "puntajes.csv"));

        cut.WaitForAssertion(() => Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", cut.Find("[data-testid=resultado-importacion]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=vista-previa]"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public void Render_TemplatesAndColumns_LinksBothTemplatesAndNamesTheRequiredColumns()
    {
        SignInAsEditor();

        var cut = Render<ScoreImport>();

        Assert.Equal("/exportar/plantilla.xlsx", cut.Find("a[data-testid=plantilla-xlsx]").GetAttribute("href"));
        Assert.Equal("/exportar/plantilla.csv", cut.Find("a[data-testid=plantilla-csv]").GetAttribute("href"));
        var help = cut.Find("[data-testid=ayuda-columnas]").TextContent;
        Assert.Contains("«No aplica» o «Sin medición»", help, StringComparison.Ordinal);
        Assert.Contains("con coma o punto", help, StringComparison.Ordinal);
        Assert.Equal("Importar puntajes", cut.Find("h1").TextContent.Trim());
    }

    private void SignInAsEditor()
    {
        Auth.SetAuthorized("asesora");
        Auth.SetPolicies(Policies.EditarPuntajes);
    }

    private static List<(string Row, string Message)> ErrorRows(IRenderedComponent<ScoreImport> cut) =>
        cut.FindAll("[data-testid=tabla-errores] tbody tr")
            .Select(r => (Text(r, "error-fila"), Text(r, "error-mensaje")))
            .ToList();

    private static string Text(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
