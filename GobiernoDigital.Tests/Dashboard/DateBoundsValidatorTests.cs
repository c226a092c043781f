using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>Every form that takes a date refuses one outside 01/01/2000–31/12/2100 with the same Spanish message.</summary>
public sealed class DateBoundsValidatorTests
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));

    public static TheoryData<DateTime, bool> Dates => new()
    {
        { new DateTime(9999, 12, 31), false },
        { new DateTime(2101, 1, 1), false },
        { new DateTime(1999, 12, 31), false },
        { new DateTime(1, 1, 1), false },
        { new DateTime(2100, 12, 31), true },
        { new DateTime(2000, 1, 1), true },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void ActionForm_EndDate_BoundedTo2000Through2100(DateTime end, bool accepted)
    {
        var form = new ActionFormModel { Description = "Publicar el inventario", StartDate = new DateTime(2000, 1, 1), EndDate = end };

        var errors = new ActionFormValidator().Validate(form).Errors;

        Assert.Equal(accepted ? [] : [ValidationRules.DateOutOfRange], errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void ActionForm_StartDate_BoundedTo2000Through2100(DateTime start, bool accepted)
    {
        var form = new ActionFormModel { Description = "Publicar el inventario", StartDate = start, EndDate = new DateTime(2100, 12, 31) };

        var errors = new ActionFormValidator().Validate(form).Errors.Where(e => e.PropertyName == nameof(ActionFormModel.StartDate));

        Assert.Equal(accepted ? [] : [ValidationRules.DateOutOfRange], errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Evidence_DateBefore2000_Refused()
    {
        var error = Assert.Single(EvidenceValidator.ForEvidence(Clock).Validate(new EvidenceFormModel { Date = new DateTime(1999, 12, 31), Note = "Acta" }).Errors);

        Assert.Equal(ValidationRules.DateOutOfRange, error.ErrorMessage);
    }

    [Fact]
    public void PlanVersion_PreparedOnBefore2000_Refused()
    {
        var form = new ReIssueFormModel
        {
            Code = "TI.PL03", CurrentVersion = 1, CurrentApprovedOn = new DateOnly(2024, 5, 21), CurrentMeasuredVigencia = 2023,
            ApprovedOn = new DateTime(2026, 2, 20), ApprovalAct = "Acta No. 02 de 2026", ApprovedBy = "Comité",
            PreparedBy = "Oficina de Sistemas", PreparedOn = new DateTime(1900, 1, 1), MeasuredVigencia = 2025,
        };

        var error = Assert.Single(new ReIssueValidator(Clock).Validate(form).Errors);

        Assert.Equal((nameof(ReIssueFormModel.PreparedOn), ValidationRules.DateOutOfRange), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData(null, "9999-12-31", "«Hasta»: La fecha debe estar entre el 01/01/2000 y el 31/12/2100.")]
    [InlineData("0001-01-01", null, "«Desde»: La fecha debe estar entre el 01/01/2000 y el 31/12/2100.")]
    [InlineData("2025-03-01", "2025-02-28", AuditQueryValidator.FromAfterTo)]
    [InlineData("2000-01-01", "2100-12-31", null)]
    public void AuditFilter_DaysOutsideTheBoundsOrReversed_Refused(string? from, string? to, string? message)
    {
        var query = new AuditQuery { From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };

        var errors = new AuditQueryValidator().Validate(query).Errors.Select(e => e.ErrorMessage);

        Assert.Equal(message is null ? [] : [message], errors);
    }
}
