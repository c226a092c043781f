using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Components.Pages.Peers;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

// Each test gets a seeded database of its own (vigencia 2023 only, 17 categories in 4 components, no peer averages).
public sealed class PeerAverageGridTests : DashboardTestContext
{
    private readonly FakeCurrentUser _user = FakeCurrentUser.InRole(Roles.Editor, "editora", "Editora");

    public PeerAverageGridTests()
    {
        UseOwnDatabase();
        Services.AddScoped(_ => new PeerAverageService(Database, TestAuthorization.Guard(_user), Clock));
    }

    [Fact]
    public void Render_Seed_OneLabelledFieldPerCategoryAndVigenciaGroupedByComponent()
    {
        var cut = Render<PeerAverageGrid>();

        cut.WaitForAssertion(() => Assert.Equal(17, cut.FindAll("[data-testid=fila-grupo-par]").Count));
        Assert.Equal(["Categoría", "2023"], cut.FindAll("thead th").Select(h => h.TextContent.Trim()));
        Assert.Equal(
            ["TIC para Gobierno Abierto", "TIC para Servicios", "TIC para la Gestión", "Seguridad y Privacidad de la Información"],
            cut.FindAll("th[scope=rowgroup]").Select(h => h.TextContent.Trim()));
        Assert.Equal(17, cut.FindAll("input[aria-label^='Promedio del grupo par de ']").Count);
        Assert.Equal(string.Empty, Field(cut, "Transparencia").GetAttribute("value") ?? string.Empty);
        Assert.Contains("resultados de FURAG publicados por Función Pública", Normalized(cut.Find("[data-testid=explicacion-grupo-par]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_OneBadCell_MessageNextToThatCellAndNothingSaved()
    {
        var cut = Render<PeerAverageGrid>();
        cut.WaitForAssertion(() => Assert.Equal(17, cut.FindAll("[data-testid=fila-grupo-par]").Count));
        var before = await Database.ContentHashAsync();

        Field(cut, "Transparencia").Change("55,5");
        Field(cut, "Colaboración").Change("45,55");
        cut.Find("[data-testid=guardar-grupo-par]").Click();

        cut.WaitForAssertion(() => Assert.Equal(PeerAverageService.CellsRefused, cut.Find("[data-testid=resultado-grupo-par]").TextContent.Trim()));
        Assert.Equal(ValidationRules.PeerAverageTooManyDecimals, ErrorOf(cut, "Colaboración"));
        Assert.Null(ErrorOf(cut, "Transparencia"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public void Save_ValidCells_SavedAndShownAsSaved()
    {
        var cut = Render<PeerAverageGrid>();
        cut.WaitForAssertion(() => Assert.Equal(17, cut.FindAll("[data-testid=fila-grupo-par]").Count));

        Field(cut, "Transparencia").Change("55.5");
        Field(cut, "Colaboración").Change("31,2");
        cut.Find("[data-testid=guardar-grupo-par]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Se guardaron 2 celdas.", cut.Find("[data-testid=resultado-grupo-par]").TextContent.Trim()));
        Assert.Equal("55,5", Field(cut, "Transparencia").GetAttribute("value"));
        using var db = Database.CreateDbContext();
        Assert.Equal(
            new Dictionary<int, decimal> { [CategoryId("Transparencia")] = 55.5m, [CategoryId("Colaboración")] = 31.2m },
            db.PeerAverages.AsNoTracking().ToDictionary(p => p.CategoryId, p => p.Value));
    }

    [Fact]
    public async Task Discard_ChangedCell_BackToTheSavedValueAndNothingSaved()
    {
        AddPeerAverage("Transparencia", 2023, 47.5m);

        var cut = Render<PeerAverageGrid>();
        cut.WaitForAssertion(() => Assert.Equal("47,5", Field(cut, "Transparencia").GetAttribute("value")));
        var before = await Database.ContentHashAsync();

        Field(cut, "Transparencia").Change(string.Empty);
        cut.Find("[data-testid=descartar-grupo-par]").Click();

        cut.WaitForAssertion(() => Assert.Equal("47,5", Field(cut, "Transparencia").GetAttribute("value")));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task Save_AccountNoLongerAnEditor_SaysSoAndNothingSaved()
    {
        var cut = Render<PeerAverageGrid>();
        cut.WaitForAssertion(() => Assert.Equal(17, cut.FindAll("[data-testid=fila-grupo-par]").Count));
        var before = await Database.ContentHashAsync();
        _user.User = FakeCurrentUser.InRole(Roles.Lector, "editora", "Editora").User;

        Field(cut, "Transparencia").Change("55,5");
        cut.Find("[data-testid=guardar-grupo-par]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Su cuenta no tiene permiso para hacer este cambio.", cut.Find("[data-testid=resultado-grupo-par]").TextContent.Trim()));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    private static IElement Field(IRenderedComponent<PeerAverageGrid> cut, string category) =>
        cut.Find($"input[aria-label='Promedio del grupo par de {category} en 2023']");

    /// <summary>The message shown under the cell's field, or null.</summary>
    private static string? ErrorOf(IRenderedComponent<PeerAverageGrid> cut, string category) =>
        Field(cut, category).Closest("td")!.QuerySelector(".mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
