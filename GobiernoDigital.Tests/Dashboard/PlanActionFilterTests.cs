using GobiernoDigital.Core.Domain;
using GobiernoDigital.Dashboard.ViewModels;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class PlanActionFilterTests
{
    public static TheoryData<PlanActionFilter> Filters =>
    [
        PlanActionFilter.None,
        new PlanActionFilter { ComponentId = 2, CategoryId = 7 },
        new PlanActionFilter { Status = ActionStatus.Vencida, Responsible = PlanActionFilter.WithoutResponsible },
        new PlanActionFilter { Status = ActionStatus.NoIniciada, Responsible = "Secretaría General", Due = DueWindow.EsteAno },
        new PlanActionFilter { Due = DueWindow.Rango, EndFrom = new DateOnly(2027, 1, 1), EndTo = new DateOnly(2027, 12, 31) },
        new PlanActionFilter { Due = DueWindow.Rango, EndTo = new DateOnly(2026, 6, 30) },
        new PlanActionFilter { Due = DueWindow.Proximas30Dias },
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public void ToQuery_ThenFromQuery_GivesTheSameFilter(PlanActionFilter filter)
    {
        var query = filter.ToQuery();

        var read = PlanActionFilter.FromQuery(
            Text(query["componente"]), Text(query["categoria"]), Text(query["estado"]), Text(query["responsable"]),
            Text(query["plazo"]), Text(query["desde"]), Text(query["hasta"]));

        Assert.Equal(filter, read);
    }

    [Fact]
    public void ToQuery_RangeDatesWithoutTheRangeWindow_LeftOut()
    {
        var query = new PlanActionFilter { Due = DueWindow.Vencidas, EndFrom = new DateOnly(2027, 1, 1) }.ToQuery();

        Assert.Equal("vencidas", query["plazo"]);
        Assert.Null(query["desde"]);
    }

    [Fact]
    public void FromQuery_MalformedValues_EveryFilterOff()
    {
        var read = PlanActionFilter.FromQuery("0", "tres", "perdida", "  ", "pronto", "2027-02-30", "31/12/2027");

        Assert.True(read.IsEmpty);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
