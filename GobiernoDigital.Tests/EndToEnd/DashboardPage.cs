using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// A fresh browser context and page on the app (1400×900, es-CO) that records the browser's console errors and
/// uncaught script errors, and opens addresses only once the Blazor circuit is up.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    /// <summary>The marker MainLayout renders once the circuit is interactive.</summary>
    public const string InteractiveSelector = "[data-interactive=\"true\"]";

    private readonly IBrowserContext _context;
    private readonly KestrelDashboardApp _app;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page, KestrelDashboardApp app)
    {
        _context = context;
        _app = app;
        Page = page;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        Page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"pageerror: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions seen so far, in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Fails with every console error and uncaught exception seen, but those <paramref name="expected"/> allows and the
    /// browser's own request for <c>/favicon.ico</c> (the app has no icon; Chromium asks for it on its own).
    /// </summary>
    public void AssertNoErrors(Func<string, bool>? expected = null)
    {
        var unexpected = Errors
            .Where(e => !e.Contains("/favicon.ico", StringComparison.Ordinal))
            .Where(e => expected?.Invoke(e) != true)
            .ToList();
        Assert.True(unexpected.Count == 0, "The browser reported errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>
    /// A page in a new browser context, anonymous unless <paramref name="storageState"/> (from
    /// <see cref="IBrowserContext.StorageStateAsync"/>) carries a sign-in cookie; 1400×900 unless <paramref name="viewport"/>.
    /// </summary>
    public static async Task<DashboardPage> CreateAsync(
        IBrowser browser, KestrelDashboardApp app, string? storageState = null, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 },
            Locale = "es-CO",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, app);
    }

    /// <summary>Opens a path of the app and waits until the circuit is up, so that clicks reach live components.</summary>
    public async Task<IResponse?> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(_app.At(path).ToString());
        await WaitForCircuitAsync();
        return response;
    }

    /// <summary>
    /// Fills the sign-in page already open with <paramref name="userName"/> and <see cref="TestUsers.Password"/>,
    /// submits it, and waits for <paramref name="landing"/> and its circuit.
    /// </summary>
    public async Task SignInOnTheOpenPageAsync(string userName, Uri landing)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await Page.Locator("#usuario").FillAsync(userName);
        await Page.Locator("#contrasena").FillAsync(TestUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(landing.ToString());
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// Waits for <see cref="InteractiveSelector"/>: before it, the page is the prerendered copy, whose nodes Blazor
    /// replaces (a click there is lost).
    /// </summary>
    public Task WaitForCircuitAsync() =>
        Page.Locator(InteractiveSelector).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
