using System.Net;
using System.Reflection;
using System.Text.Json;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Export;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The app started on the seed, then every free-text field overwritten in the database with hostile text (as an
/// Editor or an adversary with database access could leave it): names, short labels, observations, descriptions,
/// evidence notes, plan fields, findings, a scenario, user display names and audit entries.
/// </summary>
public sealed class HostileTextAppFactory : DashboardAppFactory, IAsyncLifetime
{
    public const string AdminUser = "admin.hostil";
    public const string EditorUser = "editor.hostil";

    /// <summary>Markup and a formula in one text: the formula first, so a spreadsheet cell would start with it.</summary>
    public const string Long = HostileText.Formula + " " + HostileText.Image + " " + HostileText.SvgBreakout + " " + HostileText.Template;

    public int CategoryId { get; private set; }

    public int ActionId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Starts the app: migrates and seeds the database.
        _ = Services;
        await TestUsers.CreateAsync(Services, AdminUser, Roles.Administrador, displayName: HostileText.Image);
        await TestUsers.CreateAsync(Services, EditorUser, Roles.Editor, displayName: HostileText.SvgBreakout);

        await using var db = Database.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var categories = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        CategoryId = categories[0];
        foreach (var id in categories)
        {
            // Every category: a hostile name, short label and name in the plan (distinct names: the name is unique).
            var name = $"{Long} {id}";
            var shortLabel = id % 2 == 0 ? HostileText.ShortLabel : $"{HostileText.SvgBreakout[..20]}";
            await db.Database.ExecuteSqlAsync($"UPDATE Categorias SET Name = {name}, ShortLabel = {shortLabel}, NameInPlan = {Long} WHERE Id = {id}", ct);
            db.PeerAverages.Add(new PeerAverage(id, 2023, 55m));
        }

        await db.Database.ExecuteSqlAsync($"UPDATE Entidades SET Name = {Long}", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Componentes SET Name = {Long} || ' ' || Id", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Puntajes SET Observation = {Long}", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Acciones SET Description = {Long}, Responsible = {HostileText.Formula + HostileText.SvgBreakout}", ct);
        var list = JsonSerializer.Serialize(new[] { Long, HostileText.Image });
        await db.Database.ExecuteSqlAsync($"UPDATE Hallazgos SET Alternatives = {list}, Improvements = {list}, EffectivenessNote = {Long}", ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Planes SET Title = {Long}, PreparedBy = {Long}, PreparedByRole = {HostileText.SvgBreakout}, ApprovedBy = {Long}, ApprovalAct = {Long}",
            ct);
        await db.SaveChangesAsync(ct);

        var action = await db.Actions.Include(a => a.Evidence).OrderBy(a => a.Id).FirstAsync(ct);
        ActionId = action.Id;
        action.AddEvidence(new DateOnly(2025, 3, 1), "https://example.org/?q=%3Csvg%20onload%3Dalert(1)%3E", Long, HostileText.Image);
        db.Scenarios.Add(new Scenario(HostileText.Image, 2023, categories.Select(c => new ScenarioValue(c, 50m)), HostileText.SvgBreakout, DateTime.UtcNow));
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAtUtc = DateTime.UtcNow,
            UserId = "hostil",
            UserName = HostileText.Image,
            Action = AuditAction.Modificado,
            EntityType = "CategoryScore",
            EntityKey = "1",
            CategoryId = CategoryId,
            RecordName = Long,
            Changes = JsonSerializer.Serialize(new[] { new AuditChangeText(HostileText.Image, Long, HostileText.SvgBreakout) }),
            Details = JsonSerializer.Serialize(new[] { Long, HostileText.SvgBreakout }),
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Item 7 of issue 12: stored text never becomes markup on any page (anonymous and signed in) nor a formula in any
/// download. The pages are every routable component of the app, found by reflection, so a new page is covered.
/// </summary>
public sealed class HostileTextEverywhereTests(HostileTextAppFactory app) : IClassFixture<HostileTextAppFactory>
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Routes() => new(
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal));

    [Fact]
    public void Routes_FoundByReflection_IncludeThePagesThatShowStoredText()
    {
        var routes = Routes().Select(r => (string)r.Data).ToList();

        Assert.Contains("/", routes);
        Assert.Contains("/informe", routes);
        Assert.Contains("/plan", routes);
        Assert.Contains("/auditoria", routes);
        Assert.Contains("/categorias/{Id:int}", routes);
        Assert.True(routes.Count >= 25, $"Only {routes.Count} routes: {string.Join(", ", routes)}");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task GetPage_HostileTextStored_NeverRawMarkupNor500(string template)
    {
        var path = PathOf(template);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var admin = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(admin, HostileTextAppFactory.AdminUser, TestUsers.Password);
        using var editor = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(editor, HostileTextAppFactory.EditorUser, TestUsers.Password);

        foreach (var (who, client) in new[] { ("anónimo", anonymous), ("Administrador", admin), ("Editor", editor) })
        {
            using var response = await client.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"{path} as {who}: 500.");
            AssertNoRawMarkup(body, $"{path} as {who}");
        }
    }

    [Theory]
    [InlineData("/?vigencia=2023", "&lt;svg onload")]
    [InlineData("/informe?vigencia=2023", "&lt;svg onload")]
    [InlineData("/plan", "&lt;img src=x onerror")]
    [InlineData("/categorias/{Id:int}", "&lt;img src=x onerror")]
    [InlineData("/datos-abiertos", "&lt;img src=x onerror")]
    public async Task GetPage_HostileTextStored_ShowsItEncoded(string template, string encoded)
    {
        using var client = app.CreateClient();

        var body = await client.GetStringAsync(PathOf(template), Ct);

        // The stored text does reach the page (so the checks above are not vacuous), as text.
        Assert.Contains(encoded, body, StringComparison.OrdinalIgnoreCase);
        AssertNoRawMarkup(body, template);
    }

    [Fact]
    public async Task GetOverviewAndReport_Charts_SvgCarriesTheLabelsAsText()
    {
        using var client = app.CreateClient();

        foreach (var path in new[] { "/?vigencia=2023", "/informe?vigencia=2023" })
        {
            var body = await client.GetStringAsync(path, Ct);
            var svgs = System.Text.RegularExpressions.Regex.Matches(body, "<svg\\b.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline);

            Assert.NotEmpty(svgs);
            Assert.Contains(svgs, s => s.Value.Contains("&lt;svg onload", StringComparison.OrdinalIgnoreCase));
            Assert.All(svgs, s => AssertNoRawMarkup(s.Value, $"a chart on {path}"));
        }
    }

    [Fact]
    public async Task GetSignedInPages_DisplayNameAndAuditEntry_Encoded()
    {
        using var admin = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(admin, HostileTextAppFactory.AdminUser, TestUsers.Password);

        foreach (var path in new[] { "/usuarios", "/auditoria" })
        {
            using var response = await admin.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("&lt;img src=x onerror", body, StringComparison.OrdinalIgnoreCase);
            AssertNoRawMarkup(body, path);
        }
    }

    [Theory]
    [InlineData("/exportar/puntajes.xlsx?vigencia=2023")]
    [InlineData("/exportar/puntajes.xlsx")]
    [InlineData("/exportar/plantilla.xlsx")]
    [InlineData(PlanExportEndpoints.Path)]
    [InlineData("/exportar/informe.xlsx?vigencia=2023")]
    [InlineData(AuditExportEndpoints.Path)]
    public async Task GetXlsx_HostileTextStored_EveryTextCellIsNeutralized(string path)
    {
        var bytes = await DownloadAsync(path);

        using var stream = new MemoryStream(bytes);
        var texts = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            texts.AddRange(MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet)
                .Cast<IDictionary<string, object?>>()
                .SelectMany(row => row.Values)
                .OfType<string>());
        }

        AssertNeutralized(texts, path);
    }

    [Theory]
    [InlineData("/exportar/puntajes.csv?vigencia=2023")]
    [InlineData("/exportar/puntajes.csv")]
    [InlineData("/exportar/plantilla.csv")]
    public async Task GetCsv_HostileTextStored_EveryCellIsNeutralized(string path)
    {
        var bytes = await DownloadAsync(path);

        AssertNeutralized(SpreadsheetFiles.CsvRecords(bytes).SelectMany(r => r), path);
    }

    [Fact]
    public async Task GetOpenDataCsv_HostileTextStored_IsTheTextVerbatimAsCsvNotHtml()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(OpenDataService.CsvPath, Ct);

        // README «Datos abiertos»: the open-data file is for machines (datos.gov.co), so its texts go as stored, with
        // no apostrophe against formulas (/exportar/puntajes.csv is the one for a spreadsheet, checked above).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var cells = SpreadsheetFiles.CsvRecords(await response.Content.ReadAsByteArrayAsync(Ct), ',').SelectMany(r => r);
        Assert.Contains($"{HostileTextAppFactory.Long} {app.CategoryId}", cells);
    }

    [Fact]
    public async Task GetOpenDataJson_HostileTextStored_IsJsonTextNotHtml()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(OpenDataService.JsonPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var json = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(json);
        // The name travels as data, unchanged once parsed, and never as markup a browser could sniff.
        Assert.Contains(Texts(document.RootElement), t => t.Contains(HostileText.Image, StringComparison.Ordinal));
        AssertNoRawMarkup(json, OpenDataService.JsonPath);
    }

    private async Task<byte[]> DownloadAsync(string path)
    {
        using var admin = AuthForms.CreateBrowserClient(app);
        await AuthForms.SignInOrFailAsync(admin, HostileTextAppFactory.AdminUser, TestUsers.Password);
        using var response = await admin.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Texts(p.Value)),
        _ => [],
    };

    private static void AssertNeutralized(IEnumerable<string> cells, string path)
    {
        var hostile = cells.Where(c => c.Contains("HYPERLINK", StringComparison.Ordinal)).ToList();

        Assert.True(hostile.Count > 0, $"{path} carries none of the stored texts: the check would be vacuous.");
        Assert.All(hostile, c => Assert.True(
            c.IndexOfAny(FormulaStarts) != 0,
            $"{path}: the cell «{c}» starts with a formula character."));
    }

    private static void AssertNoRawMarkup(string body, string where)
    {
        foreach (var marker in HostileText.RawMarkup)
        {
            var at = body.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{where}: raw «{marker}» at {at}: …{body[Math.Max(0, at - 200)..Math.Min(body.Length, at + 100)]}…");
        }
    }

    private string PathOf(string template) => template
        .Replace("{Id:int}/editar", $"{app.CategoryId}/editar", StringComparison.Ordinal)
        .Replace("/plan/acciones/{Id:int}", $"/plan/acciones/{app.ActionId}", StringComparison.Ordinal)
        .Replace("{Id:int}", app.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{Vigencia:int}", "2023", StringComparison.Ordinal)
        .Replace("{Token}", "token-hostil", StringComparison.Ordinal);
}
