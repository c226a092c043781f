using System.Globalization;

namespace GobiernoDigital.Core.Domain;

/// <summary>Colombian Spanish formats used everywhere a number or a date is shown or exported.</summary>
/// <remarks>Figures are rounded half away from zero to one decimal only when shown; calculations keep full precision.</remarks>
public static class EsCo
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>The Colombian time zone (UTC−5, no daylight saving).</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    /// <summary>One decimal, comma separator: 45.55 → "45,6".</summary>
    public static string Number(decimal value) =>
        decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", Culture);

    /// <summary>A percentage figure: 40 → "40,0 %".</summary>
    public static string Percent(decimal value) => Number(value) + " %";

    /// <summary>A change in points with its sign: 5 → "+5,0", −2.5 → "−2,5", 0 → "0,0".</summary>
    public static string SignedNumber(decimal value)
    {
        var rounded = decimal.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded switch
        {
            > 0 => "+" + Number(rounded),
            < 0 => "−" + Number(-rounded),
            _ => Number(0),
        };
    }

    /// <summary>Today's date in Colombia by <paramref name="clock"/> (a fixed clock in tests).</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    /// <summary>dd/MM/yyyy: 31/12/2027.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
