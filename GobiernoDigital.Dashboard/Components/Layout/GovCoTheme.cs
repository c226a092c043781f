using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Layout;

/// <summary>
/// A sober palette after the GOV.CO design system, with its alert colours. Text colours keep 4.5:1 on white, chart
/// colours 3:1 (WCAG 1.4.3 and 1.4.11); the amber <see cref="Warning"/> is only a background under dark text.
/// </summary>
public static class GovCoTheme
{
    /// <summary>GOV.CO primary blue.</summary>
    public const string Primary = "#004884";

    /// <summary>GOV.CO secondary blue.</summary>
    public const string Secondary = "#3366CC";

    /// <summary>GOV.CO light grey background.</summary>
    public const string Background = "#F2F2F2";

    /// <summary>GOV.CO error red.</summary>
    public const string Error = "#A80521";

    /// <summary>GOV.CO success green (darkened variant that keeps 4.5:1 on white).</summary>
    public const string Success = "#067A58";

    /// <summary>GOV.CO warning amber; used on dark text only.</summary>
    public const string Warning = "#FFAB00";

    /// <summary>
    /// Dark amber for warning text on white (7.8:1): MudBlazor writes outlined and text warning alerts in the
    /// palette's WarningDarken, which it would otherwise derive from the 1.9:1 <see cref="Warning"/>.
    /// </summary>
    public const string WarningText = "#8A3B00";

    /// <summary>
    /// Orange of the gap segment stacked on a score bar: 3:1 against white and 3:1 against <see cref="Primary"/>
    /// beneath it, so both edges of the segment can be seen (WCAG 1.4.11); the red <see cref="Error"/> is 1.2:1 against it.
    /// </summary>
    public const string Gap = "#FA6400";

    /// <summary>Grey for "no aplica" / "sin medición" that keeps 4.5:1 on white.</summary>
    public const string Neutral = "#5F6368";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Primary,
            Secondary = Secondary,
            Tertiary = "#069169",
            Info = Secondary,
            Success = Success,
            Warning = Warning,
            WarningContrastText = "#1F1F1F",
            WarningDarken = WarningText,
            Error = Error,
            Background = Background,
            AppbarBackground = Primary,
            TextPrimary = "#1F1F1F",
            TextSecondary = "#4B4B4B",
            DrawerBackground = "#FFFFFF",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Work Sans", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
