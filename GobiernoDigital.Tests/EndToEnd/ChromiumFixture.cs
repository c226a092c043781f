using Microsoft.Playwright;
using Xunit;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// Playwright driving the distribution's Chromium, launched once per test class (<c>IClassFixture</c>).
/// When Chromium is missing, nothing is launched and <see cref="RequireBrowser"/> skips the test, or fails it when
/// <c>E2E_REQUIRED=1</c>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The flags this sandbox needs (no GPU, no network chatter that a closed network refuses).</summary>
    public static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The executable launched, or null when Chromium was not found.</summary>
    public string? ExecutablePath { get; private set; }

    public async ValueTask InitializeAsync()
    {
        ExecutablePath = ChromiumLocator.Locate(Environment.GetEnvironmentVariable, File.Exists);
        if (ExecutablePath is null)
        {
            return;
        }

        // Two cores share the browser, the app and the rest of the suite: give expectations more than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. LaunchArguments],
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// The launched browser. Without Chromium: skips the calling test (<c>Assert.Skip</c>), or fails it when
    /// <c>E2E_REQUIRED=1</c>.
    /// </summary>
    public IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        if (ChromiumLocator.IsRequired(Environment.GetEnvironmentVariable))
        {
            Assert.Fail(ChromiumLocator.MissingReason(Environment.GetEnvironmentVariable));
        }

        Assert.Skip(ChromiumLocator.SkipMessage);
        throw new InvalidOperationException("Unreachable: Assert.Skip throws.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
