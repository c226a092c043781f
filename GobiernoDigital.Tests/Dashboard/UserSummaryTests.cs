using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class UserSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    // Colombia is UTC−5 all year: 15:30 UTC is 10:30 in Bogotá.
    [InlineData(false, "2026-03-10T15:30:00+00:00", "Bloqueada hasta 10/03/2026 10:30")]
    // Past midnight UTC is still the day before in Bogotá.
    [InlineData(false, "2026-03-11T02:15:00+00:00", "Bloqueada hasta 10/03/2026 21:15")]
    [InlineData(false, "2026-03-10T14:59:00+00:00", "Activa")]
    [InlineData(false, null, "Activa")]
    [InlineData(true, "9999-12-31T23:59:59+00:00", "Deshabilitada")]
    [InlineData(true, null, "Deshabilitada")]
    public void Status_DisabledOrLockedOut_SaysSoInColombiaTime(bool disabled, string? lockedOutUntil, string expected)
    {
        var until = lockedOutUntil is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(lockedOutUntil, System.Globalization.CultureInfo.InvariantCulture);
        var user = new UserSummary("id", "usuario", "Usuario", "Lector", disabled, until);

        Assert.Equal(expected, user.Status(Now));
    }
}
