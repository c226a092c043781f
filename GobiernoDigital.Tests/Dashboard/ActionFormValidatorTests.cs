using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ActionFormValidatorTests
{
    private static ActionFormModel Valid() => new()
    {
        FindingId = 1,
        Description = "Publicar el inventario de datos abiertos",
        Responsible = "Secretaría General",
        StartDate = new DateTime(2026, 2, 1),
        EndDate = new DateTime(2026, 6, 30),
        ExpectedPointsText = "5",
    };

    [Fact]
    public void Validate_CompleteForm_HasNoErrors()
    {
        Assert.True(new ActionFormValidator(requireFinding: true).Validate(Valid()).IsValid);
    }

    [Fact]
    public void Validate_EndBeforeStart_MessageOnTheEndDate()
    {
        var form = Valid();
        form.EndDate = new DateTime(2026, 1, 31);

        var error = Assert.Single(new ActionFormValidator().Validate(form).Errors);

        Assert.Equal(nameof(ActionFormModel.EndDate), error.PropertyName);
        Assert.Equal("La fecha final no puede ser anterior a la fecha inicial.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_EndOnTheStartDay_IsAccepted()
    {
        var form = Valid();
        form.EndDate = form.StartDate;

        Assert.True(new ActionFormValidator().Validate(form).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_EmptyDescription_MessageOnTheDescription(string? description)
    {
        var form = Valid();
        form.Description = description;

        var error = Assert.Single(new ActionFormValidator().Validate(form).Errors);

        Assert.Equal(nameof(ActionFormModel.Description), error.PropertyName);
        Assert.Equal(ActionFormValidator.DescriptionRequired, error.ErrorMessage);
    }

    [Theory]
    [InlineData("100,01", ActionFormValidator.PointsOutOfRange)]
    [InlineData("-1", ActionFormValidator.PointsOutOfRange)]
    [InlineData("2,55", ActionFormValidator.PointsTooManyDecimals)]
    [InlineData("abc", ActionFormValidator.PointsNotANumber)]
    [InlineData("1e2", ActionFormValidator.PointsNotANumber)]
    public void Validate_ExpectedPointsNotAOneDecimalFigureFrom0To100_MessageOnThePoints(string points, string expected)
    {
        var form = Valid();
        form.ExpectedPointsText = points;

        var error = Assert.Single(new ActionFormValidator().Validate(form).Errors);

        Assert.Equal(nameof(ActionFormModel.ExpectedPointsText), error.PropertyName);
        Assert.Equal(expected, error.ErrorMessage);
    }

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData("100", 100)]
    [InlineData("0", 0)]
    public void Validate_ExpectedPointsWithCommaOrPoint_AcceptedAndRead(string points, double expected)
    {
        var form = Valid();
        form.ExpectedPointsText = points;

        Assert.True(new ActionFormValidator().Validate(form).IsValid);
        Assert.Equal((decimal)expected, form.ToExpectedPoints());
    }

    [Fact]
    public void Validate_NoExpectedPoints_IsAcceptedAsNotEstimated()
    {
        var form = Valid();
        form.ExpectedPointsText = " ";

        Assert.True(new ActionFormValidator().Validate(form).IsValid);
        Assert.Null(form.ToExpectedPoints());
    }

    [Fact]
    public void Validate_NewActionWithoutFinding_AsksForTheFinding()
    {
        var form = Valid();
        form.FindingId = null;

        var error = Assert.Single(new ActionFormValidator(requireFinding: true).Validate(form).Errors);

        Assert.Equal(nameof(ActionFormModel.FindingId), error.PropertyName);
        Assert.Equal(ActionFormValidator.FindingRequired, error.ErrorMessage);
        // Editing an action never changes its finding.
        Assert.True(new ActionFormValidator().Validate(form).IsValid);
    }
}
