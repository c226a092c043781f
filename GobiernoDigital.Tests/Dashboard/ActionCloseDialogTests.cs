using Bunit;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Components.Dialogs;
using GobiernoDigital.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ActionCloseDialogTests : ActionDialogTestContext
{
    [Fact]
    public async Task Confirm_NeitherLinkNorNote_EvidenceRequiredMessageNextToTheLinkAndNothingSaved()
    {
        var (provider, _) = await OpenAsync();
        var before = await Database.ContentHashAsync();

        provider.Find("[data-testid=confirmar-cierre]").Click();

        provider.WaitForAssertion(() => Assert.Contains(
            EvidenceValidator.ClosingEvidenceMissing,
            provider.Find("input[data-testid=campo-enlace]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Single(provider.FindAll(".mud-dialog"));
        Assert.Equal(before, await Database.ContentHashAsync());
    }

    [Fact]
    public async Task Confirm_NotAWebLink_MessageNextToTheLink()
    {
        var (provider, _) = await OpenAsync();

        provider.Find("input[data-testid=campo-enlace]").Change("javascript:alert(1)");
        provider.Find("[data-testid=confirmar-cierre]").Click();

        provider.WaitForAssertion(() => Assert.Contains(
            EvidenceValidator.LinkNotWeb,
            provider.Find("input[data-testid=campo-enlace]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_WithALink_ClosesWithTheCompletedAction()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("input[data-testid=campo-enlace]").Change("https://concejocartago.gov.co/innovacion");
        provider.Find("[data-testid=confirmar-cierre]").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var closed = Assert.IsType<ActionDetailModel>(result!.Data);
        Assert.Equal((ActionStatus.Completada, 100, new DateOnly(2026, 3, 10)), (closed.Status, closed.Progress, closed.CompletedOn));
        Assert.Equal("https://concejocartago.gov.co/innovacion", Assert.Single(closed.Evidence).Url);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Confirm_ActionAlreadyWithEvidenceAndNoNewLinkOrNote_ClosesOnItsEvidence()
    {
        Assert.True((await Actions.AddEvidenceAsync(ColaboracionActionId(), 0, new EvidenceFormModel { Date = new DateTime(2026, 3, 2), Note = "Convocatoria publicada" }, Ct)).Succeeded);
        var (provider, dialog) = await OpenAsync();
        Assert.Contains("Ya tiene una evidencia", provider.Find("[data-testid=cierre-con-evidencia]").TextContent, StringComparison.Ordinal);

        provider.Find("[data-testid=confirmar-cierre]").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var closed = Assert.IsType<ActionDetailModel>(result!.Data);
        Assert.Equal((ActionStatus.Completada, 100), (closed.Status, closed.Progress));
        Assert.Equal("Convocatoria publicada", Assert.Single(closed.Evidence).Note);
    }

    [Fact]
    public async Task Confirm_ActionChangedSinceItWasOpened_ConflictMessageInTheDialog()
    {
        var (provider, _) = await OpenAsync();
        // Someone else records a follow-up after the dialog was opened.
        Assert.True((await Actions.SetFollowUpAsync(ColaboracionActionId(), 0, new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = 20 }, Ct)).Succeeded);

        provider.Find("textarea[data-testid=campo-nota]").Change("Convocatoria publicada");
        provider.Find("[data-testid=confirmar-cierre]").Click();

        provider.WaitForAssertion(() => Assert.Equal(ActionChangeResult.ConflictMessage, provider.Find("[data-testid=error-dialogo]").TextContent.Trim()));
        Assert.Equal(ActionStatus.EnCurso, (await Actions.GetAsync(ColaboracionActionId(), Ct))!.Status);

        // Confirming again, knowingly, closes it.
        provider.Find("[data-testid=confirmar-cierre]").Click();
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        Assert.Equal(ActionStatus.Completada, (await Actions.GetAsync(ColaboracionActionId(), Ct))!.Status);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var action = await Actions.GetAsync(ColaboracionActionId(), Ct);
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ActionCloseDialog> { { d => d.Action, action! } };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ActionCloseDialog>("Cerrar la acción con su evidencia", parameters));
        provider.WaitForElement("[data-testid=confirmar-cierre]");
        return (provider, dialog);
    }
}
