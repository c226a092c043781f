using Microsoft.Playwright;

namespace GobiernoDigital.Bench.Figures;

/// <summary>
/// In Chromium, switches the overview between two vigencias (the seed's 2023 and a 2024 the benchmark adds) and
/// times, inside the page, from the click on the vigencia in the list to the moment the Porcentaje de Cumplimiento
/// shows the other vigencia's figure.
/// </summary>
public static class InteractionBenchmark
{
    /// <summary>
    /// Records <c>performance.now()</c> at the click on an option of the open list, and the time until the text of the
    /// headline figure changes; samples go to <c>window.__benchSamples</c>.
    /// </summary>
    private const string TimingScript = """
        () => {
            window.__benchSamples = [];
            window.__benchClick = null;
            const figure = () => document.querySelector('[data-testid="porcentaje"]')?.textContent ?? '';
            let last = figure();
            window.addEventListener('click', e => {
                if (e.target instanceof Element && e.target.closest('.mud-popover .mud-list-item')) {
                    window.__benchClick = performance.now();
                }
            }, true);
            new MutationObserver(() => {
                const now = figure();
                if (now !== last) {
                    last = now;
                    if (window.__benchClick !== null) {
                        window.__benchSamples.push(performance.now() - window.__benchClick);
                        window.__benchClick = null;
                    }
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var switches = options.Int("switches", 50, 3);
        if (await Chromium.LaunchOrSkipAsync("interaction") is not { } launched)
        {
            return;
        }

        using var playwright = launched.Playwright;
        await using var browser = launched.Browser;
        using var folder = new BenchDirectory();
        await folder.SeedAsync(options.AppDirectory, cancellationToken);
        await DataGenerator.AddShiftedVigenciaAsync(folder, DataGenerator.SeedVigencia + 1, 7.5m, cancellationToken);
        await using var app = await AppProcess.StartServingAsync(options.AppDirectory, folder, cancellationToken);

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "es-CO", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await Chromium.OpenInteractiveAsync(context, app.Root);
        await page.EvaluateAsync(TimingScript);

        var vigencias = new[] { DataGenerator.SeedVigencia, DataGenerator.SeedVigencia + 1 };
        for (var i = 0; i < switches; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = vigencias[i % 2];
            await page.Locator("[data-testid=\"vigencia-select\"]").ClickAsync();
            var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextString = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await option.ClickAsync();
            await page.WaitForFunctionAsync("n => window.__benchSamples.length >= n", i + 1);
            await page.Locator(".mud-popover-open").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        }

        var samples = await page.EvaluateAsync<double[]>("() => window.__benchSamples");
        Report.Figure("interaction_switches", samples.Length);
        Report.Figure("interaction_p50_ms", Stats.Percentile(samples, 50), 1);
        Report.Figure("interaction_p95_ms", Stats.Percentile(samples, 95), 1);
        Report.Figure("interaction_max_ms", samples.Max(), 1);
        await context.CloseAsync();
    }
}
