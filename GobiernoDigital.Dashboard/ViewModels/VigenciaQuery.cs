using System.Globalization;

namespace GobiernoDigital.Dashboard.ViewModels;

/// <summary>
/// The <c>?vigencia=</c> of an address (<c>/?vigencia=2023</c>, <c>/informe?vigencia=2023</c>,
/// <c>/exportar/puntajes.xlsx?vigencia=2023</c>), read as text so that a mistyped one gets a Spanish message instead
/// of a parsing error.
/// </summary>
public static class VigenciaQuery
{
    /// <summary>
    /// True with a null <paramref name="vigencia"/> when the text is absent or blank (the latest measured vigencia),
    /// true with the year when it is only digits; false when it is anything else ("abc", "-2023", "2023.5", too big).
    /// </summary>
    public static bool TryParse(string? text, out int? vigencia)
    {
        vigencia = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        vigencia = year;
        return true;
    }

    /// <summary>«abc» no es una vigencia válida: escriba un año, por ejemplo 2023.</summary>
    public static string InvalidMessage(string? text) => $"«{text}» no es una vigencia válida: escriba un año, por ejemplo 2023.";
}
