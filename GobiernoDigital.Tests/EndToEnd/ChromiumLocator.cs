namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// Where the Chromium of the end-to-end tests is. Playwright never downloads a browser here: the tests drive the
/// distribution's Chromium (<c>apt-get install chromium</c>).
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Names the Chromium executable; when set, it is the only place looked at (even if the file is missing).</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    /// <summary><c>E2E_REQUIRED=1</c> (CI) turns a missing Chromium into a failure instead of a skip.</summary>
    public const string RequiredVariable = "E2E_REQUIRED";

    /// <summary>The places looked at when <see cref="PathVariable"/> is not set, in order.</summary>
    public static IReadOnlyList<string> DefaultPaths { get; } = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public const string SkipMessage =
        "Chromium no está instalado: instálelo con 'sudo apt-get install chromium' (Debian/Ubuntu) o indique su ruta en CHROMIUM_PATH para ejecutar las pruebas de extremo a extremo.";

    /// <summary>Whether a missing Chromium must fail the run (<c>E2E_REQUIRED=1</c>).</summary>
    public static bool IsRequired(Func<string, string?> environment) =>
        environment(RequiredVariable)?.Trim() == "1";

    /// <summary>
    /// The Chromium to launch: <see cref="PathVariable"/> when set (null if that file is missing: no fallback, so a
    /// wrong path is noticed), else the first of <see cref="DefaultPaths"/> that exists, else null.
    /// </summary>
    public static string? Locate(Func<string, string?> environment, Func<string, bool> fileExists)
    {
        var configured = environment(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return fileExists(configured) ? configured : null;
        }

        return DefaultPaths.FirstOrDefault(fileExists);
    }

    /// <summary>Why no Chromium was found, for the failure message when the tests are required.</summary>
    public static string MissingReason(Func<string, string?> environment)
    {
        var configured = environment(PathVariable);
        var looked = string.IsNullOrWhiteSpace(configured)
            ? $"no existe {string.Join(" ni ", DefaultPaths)}"
            : $"{PathVariable}='{configured}' no existe";
        return $"{RequiredVariable}=1 exige las pruebas de extremo a extremo, pero Chromium no está instalado ({looked}): "
            + "instálelo con 'sudo apt-get install chromium' (Debian/Ubuntu) o indique su ruta en CHROMIUM_PATH.";
    }
}
