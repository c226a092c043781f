using Bunit;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Dashboard.Components.Pages.OpenData;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class OpenDataPageTests : DashboardTestContext, IClassFixture<SeededTestDatabase>
{
    // Read at the first render, so a test can change the settings before it.
    private readonly Dictionary<string, string?> _settings = [];

    public OpenDataPageTests(SeededTestDatabase seeded)
        : base(seeded)
    {
        Services.AddSingleton<IConfiguration>(_ => new ConfigurationBuilder().AddInMemoryCollection(_settings).Build());
        Services.AddScoped(sp => new OpenDataService(Database, Clock, sp.GetRequiredService<IConfiguration>()));
    }

    [Fact]
    public void Render_Seed_TheTwoAddressesTheVigenciasAndTheDefaultLicence()
    {
        var cut = Render<OpenDataPage>();

        Assert.Equal("http://localhost/api/datos-abiertos/puntajes.csv", cut.Find("[data-testid=enlace-csv]").TextContent.Trim());
        Assert.Equal("http://localhost/api/datos-abiertos/puntajes.json", cut.Find("[data-testid=enlace-json]").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Contains("una provisional puede cambiar): 2023 (definitiva).", Normalized(cut.Find("[data-testid=frecuencia]")), StringComparison.Ordinal));
        Assert.Contains("Concejo Municipal de Cartago", cut.Find("[data-testid=descripcion-datos-abiertos]").TextContent, StringComparison.Ordinal);
        var licence = cut.Find("[data-testid=licencia] a");
        Assert.Equal(("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.es"), (licence.TextContent.Trim(), licence.GetAttribute("href")));
        Assert.Contains("libre, sin cuenta", cut.Find("[data-testid=acceso]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Dictionary_EveryFieldWithTypeDescriptionAndExample()
    {
        var cut = Render<OpenDataPage>();

        var rows = cut.FindAll("[data-testid=campo]");
        Assert.Equal(OpenDataFields.All.Select(f => f.Name), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal(3, r.QuerySelectorAll("td").Count(td => td.TextContent.Trim().Length > 0)));
    }

    [Fact]
    public void Render_LicenceAndPrivateReadingConfigured_ShowsThem()
    {
        _settings["DatosAbiertos:Licencia"] = "CC0 1.0";
        _settings["DatosAbiertos:LicenciaUrl"] = "https://creativecommons.org/publicdomain/zero/1.0/deed.es";
        _settings["Acceso:LecturaPublica"] = "false";

        var cut = Render<OpenDataPage>();

        Assert.Equal("CC0 1.0", cut.Find("[data-testid=licencia] a").TextContent.Trim());
        Assert.Contains("responden 401", cut.Find("[data-testid=acceso]").TextContent, StringComparison.Ordinal);
    }

    private static string Normalized(AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
