using Microsoft.Playwright;

namespace GobiernoDigital.Bench;

/// <summary>
/// The distribution's Chromium (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>) driven by Playwright; nothing is
/// downloaded. Without it the browser figures are skipped with the install message, or fail when
/// <c>E2E_REQUIRED=1</c> (as the end-to-end tests do).
/// </summary>
public static class Chromium
{
    public const string InstallMessage =
        "Chromium no está instalado: instálelo con 'sudo apt-get install chromium' (Debian/Ubuntu) o indique su ruta en CHROMIUM_PATH.";

    /// <summary>The marker MainLayout renders once the circuit is interactive.</summary>
    public const string InteractiveSelector = "[data-interactive=\"true\"]";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // Many tabs share a few renderer processes, so 200 sessions fit in memory; the server sees 200 circuits all the same.
        "--renderer-process-limit=4",
        // Background tabs keep their timers and connections as a visible one would.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Playwright and the browser, or null after printing the skip line (<c>skipped=1</c>) when Chromium is missing.
    /// Throws when it is missing and <c>E2E_REQUIRED=1</c>.
    /// </summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)?> LaunchOrSkipAsync(string figure)
    {
        var path = Locate();
        if (path is null)
        {
            if (Environment.GetEnvironmentVariable("E2E_REQUIRED")?.Trim() == "1")
            {
                throw new BenchException($"E2E_REQUIRED=1 exige Chromium para '{figure}'. {InstallMessage}");
            }

            Report.Note($"Se omite '{figure}'. {InstallMessage}");
            Report.Figure($"{figure}_skipped", 1);
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Arguments,
                Timeout = 120_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new page of <paramref name="context"/> and waits for its circuit.</summary>
    public static async Task<IPage> OpenInteractiveAsync(IBrowserContext context, Uri url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 });
        await page.WaitForSelectorAsync(InteractiveSelector, new PageWaitForSelectorOptions { Timeout = 120_000, State = WaitForSelectorState.Attached });
        return page;
    }
}
