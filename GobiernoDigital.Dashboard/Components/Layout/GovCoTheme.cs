using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Layout;

/// <summary>A sober palette after the GOV.CO design system, with its alert colours; every pair meets WCAG AA contrast on white.</summary>
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
