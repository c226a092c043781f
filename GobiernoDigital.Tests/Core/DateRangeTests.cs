using GobiernoDigital.Core.Domain;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class DateRangeTests
{
    [CulturedFact(["es-CO"])]
    public void ToString_SeedDeadline_ReadsAsInThePlan()
    {
        var deadline = new DateRange(new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31));

        // The plan writes «Fecha: (01/08/2024 al 31/12/2027)».
        Assert.Equal("01/08/2024 al 31/12/2027", deadline.ToString());
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsDomainException()
    {
        Assert.Throws<DomainException>(() => new DateRange(new DateOnly(2027, 12, 31), new DateOnly(2024, 8, 1)));
    }

    [Fact]
    public void Constructor_SameDay_IsAllowed()
    {
        var day = new DateOnly(2024, 8, 1);

        var range = new DateRange(day, day);

        Assert.Equal(day, range.Start);
        Assert.Equal(day, range.End);
    }
}
