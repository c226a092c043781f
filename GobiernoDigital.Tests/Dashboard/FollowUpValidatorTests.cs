using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class FollowUpValidatorTests
{
    [Theory]
    [InlineData(120)]
    [InlineData(101)]
    [InlineData(-1)]
    public void Validate_ProgressOutside0To100_MessageOnTheProgress(int progress)
    {
        var error = Assert.Single(new FollowUpValidator().Validate(new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = progress }).Errors);

        Assert.Equal(nameof(FollowUpFormModel.Progress), error.PropertyName);
        Assert.Equal("El avance debe estar entre 0 y 100 %.", error.ErrorMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Validate_ProgressAtTheLimits_IsAccepted(int progress)
    {
        Assert.True(new FollowUpValidator().Validate(new FollowUpFormModel { Status = ActionStatus.EnCurso, Progress = progress }).IsValid);
    }

    [Fact]
    public void Validate_NoProgress_AsksForIt()
    {
        var error = Assert.Single(new FollowUpValidator().Validate(new FollowUpFormModel { Progress = null }).Errors);

        Assert.Equal(FollowUpValidator.ProgressRequired, error.ErrorMessage);
    }

    [Theory]
    [InlineData(ActionStatus.Completada)]
    [InlineData(ActionStatus.Vencida)]
    public void Validate_CompletadaOrVencida_RefusedWithTheWayToComplete(ActionStatus status)
    {
        var error = Assert.Single(new FollowUpValidator().Validate(new FollowUpFormModel { Status = status, Progress = 100 }).Errors);

        Assert.Equal(nameof(FollowUpFormModel.Status), error.PropertyName);
        Assert.Contains("ciérrela con su evidencia", error.ErrorMessage, StringComparison.Ordinal);
    }
}
