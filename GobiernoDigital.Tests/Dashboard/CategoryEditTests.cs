using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Dashboard.Components.Pages.Categories;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>
/// The category edit page over the real <see cref="ScoreEditingService"/> and a seeded database of each test's own
/// (Transparencia 40 in 2023, no meta rows). The user is an editor.
/// </summary>
public sealed class CategoryEditTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly FakeCurrentUser _editor = FakeCurrentUser.InRole(Roles.Editor, "asesor", "Martha Saldaña");

    public CategoryEditTests()
    {
        UseOwnDatabase();
        Services.AddScoped(_ => Editing(_editor));
    }

    [Fact]
    public async Task Open_ScoreWithAnObservation_TheFieldShowsItAndASaveKeepsIt()
    {
        var transparencia = CategoryId("Transparencia");
        Assert.True((await Editing(_editor).SetScoreAsync(transparencia, 2023, Score.Measured(40m), "Falta la evidencia del portal", Ct)).Succeeded);
        var cut = Render<CategoryEdit>(p => p.Add(c => c.Id, transparencia));
        cut.WaitForAssertion(() => Assert.Equal("Falta la evidencia del portal", cut.Find("textarea[data-testid=campo-observacion]").GetAttribute("value")));

        cut.Find("input[data-testid=campo-meta]").Change("80");
        cut.Find("[data-testid=guardar]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Se guardaron", cut.Find("[data-testid=resultado-edicion]").TextContent.Trim(), StringComparison.Ordinal));
        await using var db = await Database.CreateDbContextAsync(Ct);
        Assert.Equal("Falta la evidencia del portal", (await db.Scores.SingleAsync(s => s.CategoryId == transparencia, Ct)).Observation);
    }

    [Fact]
    public async Task Save_AnotherEditorSavedMeanwhile_RefusedInSpanishWithTheCurrentValuesInTheForm()
    {
        var transparencia = CategoryId("Transparencia");
        var cut = Render<CategoryEdit>(p => p.Add(c => c.Id, transparencia));
        cut.WaitForAssertion(() => Assert.Equal("40,0", cut.Find("input[data-testid=campo-puntaje]").GetAttribute("value")));
        var other = Editing(FakeCurrentUser.InRole(Roles.Editor, "otra"));
        var otherPage = (await other.GetForEditAsync(transparencia, 2023, Ct))!;
        Assert.True((await other.SaveAsync(transparencia, otherPage, Score.Measured(61m), null, 90m, Ct)).Succeeded);
        var afterOther = await Database.ContentHashAsync();

        cut.Find("input[data-testid=campo-puntaje]").Change("62");
        cut.Find("[data-testid=guardar]").Click();

        cut.WaitForAssertion(() => Assert.Contains(ScoreEditingService.ConflictMessage, cut.Find("[data-testid=resultado-edicion]").TextContent, StringComparison.Ordinal));
        Assert.Contains("puntaje 61,0; meta 90,0", cut.Find("[data-testid=resultado-edicion]").TextContent, StringComparison.Ordinal);
        Assert.Equal("61,0", cut.Find("input[data-testid=campo-puntaje]").GetAttribute("value"));
        Assert.Equal("90,0", cut.Find("input[data-testid=campo-meta]").GetAttribute("value"));
        Assert.Equal(afterOther, await Database.ContentHashAsync());
    }

    private ScoreEditingService Editing(FakeCurrentUser user) => new(Database, TestAuthorization.Guard(user), new FixedTimeProvider(Now));
}
