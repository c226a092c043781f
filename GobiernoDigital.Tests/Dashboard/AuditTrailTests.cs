using AngleSharp.Dom;
using Bunit;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Pages.Audit;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class AuditTrailTests : DashboardTestContext, IClassFixture<SeededTestDatabase>
{
    public AuditTrailTests(SeededTestDatabase seeded)
        : base(seeded)
    {
        // The real service and guard, over bUnit's signed-in user and its fake authorization (policies by name).
        Services.AddScoped(sp => new AuditTrailService(
            Database,
            new AccessGuard(new CurrentUser(sp.GetRequiredService<AuthenticationStateProvider>()), sp.GetRequiredService<IAuthorizationService>())));
    }

    [Fact]
    public void Render_ScoreChange_ShowsColombianTimeUserActionRecordAndChangeText()
    {
        UseOwnDatabase();
        var transparencia = CategoryId("Transparencia");
        // 03:00 UTC on 1 March is 22:00 on 29 February in Colombia (UTC−5).
        AddEntries(Entry(new DateTime(2024, 3, 1, 3, 0, 0), transparencia, key: "12"));
        SignInAsEditor();

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tabla-auditoria] tbody tr")));
        var row = cut.Find("[data-testid=tabla-auditoria] tbody tr");
        Assert.Equal("29/02/2024 22:00:00", Cell(row, "Fecha y hora"));
        Assert.Equal("Martha Saldaña", Cell(row, "Usuario"));
        Assert.Equal("Modificado", Cell(row, "Acción"));
        Assert.Equal("Puntaje n.º 12 Transparencia", Cell(row, "Registro"));
        Assert.Equal(["Puntaje: 40,0 → 55,5"], row.QuerySelectorAll("td[data-label=Cambios] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Render_Entries_PagerSpeaksSpanish()
    {
        UseOwnDatabase();
        AddEntries(Enumerable.Range(1, 30).Select(i => Entry(new DateTime(2024, 3, 1, 12, i, 0), categoryId: null, key: $"{i}")).ToArray());
        SignInAsEditor();

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=tabla-auditoria] tbody tr").Count));
        var pager = Normalized(cut.Find(".mud-table-pagination"));
        Assert.Contains("Filas por página", pager, StringComparison.Ordinal);
        Assert.Contains("1–25 de 30", pager, StringComparison.Ordinal);
        // What a screen reader says for the page buttons: MudBlazor's own labels, translated by SpanishMudLocalizer.
        Assert.Equal(
            ["Primera página", "Página anterior", "Página siguiente", "Última página"],
            cut.FindAll(".mud-table-pagination button").Select(b => b.GetAttribute("aria-label")));
        // Newest first: minute 30 on top.
        Assert.Equal("Puntaje n.º 30", Cell(cut.Find("[data-testid=tabla-auditoria] tbody tr"), "Registro"));
    }

    [Fact]
    public void Render_EmptyTrail_SaysSoInSpanish()
    {
        SignInAsEditor();

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Equal("No hay cambios registrados con esos filtros.", cut.Find("[data-testid=auditoria-vacia]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=auditoria-fecha]"));
    }

    [Fact]
    public void Search_FromAfterTheOnlyChange_ShowsTheEmptyMessage()
    {
        UseOwnDatabase();
        AddEntries(Entry(new DateTime(2024, 3, 1, 3, 0, 0), categoryId: null, key: "1"));
        SignInAsEditor();
        var cut = Render<AuditTrail>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=auditoria-fecha]")));

        // 1 March in Colombia starts at 05:00 UTC: the change (29 February, 22:00 in Colombia) is before it.
        cut.Find("input[data-testid=filtro-desde]").Change("01/03/2024");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("No hay cambios registrados con esos filtros.", cut.Find("[data-testid=auditoria-vacia]").TextContent.Trim()));
    }

    [Fact]
    public void Search_OnSecondPage_StartsAgainOnTheFirstPage()
    {
        UseOwnDatabase();
        AddEntries(Enumerable.Range(1, 30).Select(i => Entry(new DateTime(2024, 3, 1, 12, i, 0), categoryId: null, key: $"{i}")).ToArray());
        SignInAsEditor();
        var cut = Render<AuditTrail>();
        cut.WaitForAssertion(() => Assert.Contains("1–25 de 30", Normalized(cut.Find(".mud-table-pagination")), StringComparison.Ordinal));
        // The pager's buttons: first, previous, next, last.
        cut.FindAll(".mud-table-pagination-actions button")[2].Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=auditoria-fecha]").Count));

        cut.Find("input[data-testid=filtro-desde]").Change("29/02/2024");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=auditoria-fecha]").Count));
        Assert.Contains("1–25 de 30", Normalized(cut.Find(".mud-table-pagination")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Anonymous_ShowsTheSpanishRefusal()
    {
        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Equal(
            "Inicie sesión con una cuenta autorizada para hacer este cambio.",
            cut.Find("[data-testid=auditoria-denegada]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=tabla-auditoria]"));
    }

    [Fact]
    public void Render_ImportSummary_DetailLinesInAnExpandableDetails()
    {
        UseOwnDatabase();
        AddEntries(new AuditEntry
        {
            OccurredAtUtc = new DateTime(2024, 3, 1, 12, 0, 0),
            UserId = FakeCurrentUser.IdOf("asesor"),
            UserName = "Martha Saldaña",
            Action = AuditAction.Modificado,
            EntityType = AuditCatalog.ImportKind,
            EntityKey = "2024",
            RecordName = "Vigencia 2024",
            Changes = AuditJson.Write(new List<AuditChangeText> { new("Puntajes importados", null, "2") }),
            Details = AuditJson.Write(new List<string> { "Transparencia: 40,0 → 55,5", "Colaboración: — → 30,0" }),
        });
        SignInAsEditor();

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tabla-auditoria] tbody tr")));
        var details = cut.Find("[data-testid=tabla-auditoria] tbody tr details[data-testid=auditoria-detalle]");
        Assert.Null(details.GetAttribute("open"));
        Assert.Equal(
            ["Transparencia: 40,0 → 55,5", "Colaboración: — → 30,0"],
            details.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    private static AuditEntry Entry(DateTime occurredAtUtc, int? categoryId, string key) => new()
    {
        OccurredAtUtc = occurredAtUtc,
        UserId = FakeCurrentUser.IdOf("asesor"),
        UserName = "Martha Saldaña",
        Action = AuditAction.Modificado,
        EntityType = "Puntaje",
        EntityKey = key,
        CategoryId = categoryId,
        OldValues = """{"Value":40.0}""",
        NewValues = """{"Value":55.5}""",
    };

    private static string Cell(IElement row, string label) => Normalized(row.QuerySelector($"td[data-label='{label}']")!);

    private static string Normalized(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void SignInAsEditor()
    {
        Auth.SetAuthorized("asesor");
        Auth.SetPolicies(Policies.VerAuditoria);
    }

    private void AddEntries(params AuditEntry[] entries)
    {
        using var db = Database.CreateDbContext();
        db.AuditEntries.AddRange(entries);
        db.SaveChanges();
    }
}
