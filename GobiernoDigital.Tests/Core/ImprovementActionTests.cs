using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class ImprovementActionTests
{
    private static readonly DateRange Plan = new(new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31));

    private static ImprovementPlan NewPlan() =>
        new("Plan", "TI.PL03", 1, new DateOnly(2024, 5, 21), 2023, "Asesora", null, null, "Comité", "Acta 05");

    private static Finding NewFinding(ImprovementPlan? plan = null, bool notApplicable = false)
    {
        var component = new Component("TIC para Gobierno Abierto", 1);
        var category = new Category("Transparencia", "Transparencia", CategoryKind.Proceso, component, 1);
        return (plan ?? NewPlan()).AddFinding(category, 40m, ["Alternativa"], notApplicable ? [] : ["Mejora"], notApplicable, notApplicable ? null : Plan, null);
    }

    [Theory]
    [InlineData(ActionStatus.NoIniciada, "2028-01-01", ActionStatus.Vencida)]
    [InlineData(ActionStatus.EnCurso, "2028-01-01", ActionStatus.Vencida)]
    [InlineData(ActionStatus.EnCurso, "2027-12-31", ActionStatus.EnCurso)] // the last day is still on time
    [InlineData(ActionStatus.NoIniciada, "2026-11-23", ActionStatus.NoIniciada)]
    [InlineData(ActionStatus.Cancelada, "2028-01-01", ActionStatus.Cancelada)]
    public void StatusOn_FixedDay_DerivesVencidaOnlyForOpenActionsPastTheirEnd(ActionStatus stored, string today, ActionStatus expected)
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", "Secretaría General", Plan);
        action.SetFollowUp(stored, 40);

        Assert.Equal(expected, action.StatusOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void StatusOn_CompletedAction_IsNeverLate()
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", null, Plan);
        action.AddEvidence(new DateOnly(2025, 3, 1), "https://concejocartago.gov.co/datos", null, "Asesora");
        action.Complete(new DateOnly(2025, 3, 1));

        Assert.Equal(ActionStatus.Completada, action.StatusOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(100, action.Progress);
    }

    [Fact]
    public void Complete_WithoutEvidence_IsRefused()
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", null, Plan);

        var error = Assert.Throws<DomainException>(() => action.Complete(new DateOnly(2025, 3, 1)));
        Assert.Contains("evidencia", error.Message);
        Assert.Equal(ActionStatus.NoIniciada, action.Status);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(-1)]
    public void SetFollowUp_ProgressOutside0To100_IsRefused(int progress)
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", null, Plan);

        var error = Assert.Throws<DomainException>(() => action.SetFollowUp(ActionStatus.EnCurso, progress));
        Assert.Equal("El avance debe estar entre 0 y 100 %.", error.Message);
    }

    [Fact]
    public void SetFollowUp_Vencida_IsRefusedBecauseItIsDerived()
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", null, Plan);

        Assert.Throws<DomainException>(() => action.SetFollowUp(ActionStatus.Vencida, 0));
    }

    [Fact]
    public void DateRange_EndBeforeStart_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new DateRange(new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1)));
        Assert.Equal("La fecha final no puede ser anterior a la fecha inicial.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddAction_EmptyDescription_IsRefused(string description)
    {
        var error = Assert.Throws<DomainException>(() => NewFinding().AddAction(description, null, Plan));
        Assert.Equal("La descripción de la acción es obligatorio.", error.Message);
    }

    [Fact]
    public void AddAction_FindingMarkedNoAplica_IsRefused()
    {
        Assert.Throws<DomainException>(() => NewFinding(notApplicable: true).AddAction("Algo", null, Plan));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("concejo.gov.co")]
    public void AddEvidence_LinkThatIsNotHttp_IsRefused(string url)
    {
        var action = NewFinding().AddAction("Publicar datos abiertos", null, Plan);

        Assert.Throws<DomainException>(() => action.AddEvidence(new DateOnly(2025, 1, 1), url, null, null));
        Assert.Empty(action.Evidence);
    }

    [Fact]
    public void ReIssue_CopiesFindingsActionsAndFollowUp_AndLeavesTheEarlierVersionAsItWas()
    {
        var plan = NewPlan();
        var original = NewFinding(plan).AddAction("Publicar datos abiertos", "Secretaría", Plan, expectedPoints: 5m);
        original.AddEvidence(new DateOnly(2025, 3, 1), "https://concejocartago.gov.co/datos", "Publicado", "Asesora");
        original.Complete(new DateOnly(2025, 3, 1));

        var next = plan.ReIssue(new DateOnly(2025, 6, 1), "Acta No. 03 de 2025", "Comité", "Asesora", "Asesora Externa", new DateOnly(2025, 5, 30));

        Assert.Equal((2, "TI.PL03", "Acta No. 03 de 2025"), (next.Version, next.Code, next.ApprovalAct));
        var copied = Assert.Single(Assert.Single(next.Findings).Actions);
        Assert.Equal((ActionStatus.Completada, 5m, "Secretaría"), (copied.Status, copied.ExpectedPoints, copied.Responsible));
        Assert.Equal("https://concejocartago.gov.co/datos", Assert.Single(copied.Evidence).Url);
        Assert.NotSame(original, copied);

        // Version 1 is untouched: a change to the copy does not reach it.
        copied.SetResponsible("Otra oficina");
        Assert.Equal((1, "Secretaría"), (plan.Version, original.Responsible));
    }

    [Fact]
    public void ReIssue_ApprovedBeforeTheCurrentVersion_IsRefused()
    {
        var plan = new ImprovementPlan("Plan", "TI.PL03", 1, new DateOnly(2024, 5, 21), 2023, "Asesora", null, null, "Comité", "Acta 05");

        Assert.Throws<DomainException>(() => plan.ReIssue(new DateOnly(2024, 1, 1), null, "Comité", "Asesora", null, null));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-12-23", true)] // 30 days ahead
    [InlineData("2026-11-23", "2026-12-24", false)]
    [InlineData("2026-11-23", "2026-11-22", false)] // already late, not "due soon"
    public void IsDueSoon_Within30Days(string today, string end, bool expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(expected, ActionStatusText.IsDueSoon(ActionStatus.EnCurso, DateOnly.Parse(end, culture), DateOnly.Parse(today, culture)));
    }
}
