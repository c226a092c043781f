using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// axe-core (through Deque.AxeCore.Playwright) over the page as it is now, with the WCAG 2.0 and 2.1 A and AA rules:
/// the level Colombian public entities must meet (Resolución 1519 de 2020).
/// </summary>
public static class AxeAudit
{
    /// <summary>The axe-core tags of WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static IReadOnlyList<string> WcagTags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The impacts that fail an audit; <c>moderate</c> and <c>minor</c> findings are only reported.</summary>
    public static IReadOnlyList<string> FailingImpacts { get; } = ["serious", "critical"];

    /// <summary>
    /// Selectors of markup that is MudBlazor's own and cannot be fixed from the app, each with its reason. Excluded from
    /// every audit; never a whole rule. Empty while the app's pages have no such node.
    /// </summary>
    public static IReadOnlyList<(string Selector, string Reason)> ThirdPartyExclusions { get; } = [];

    /// <summary>
    /// Waits for every finite CSS animation and transition of the page to end: text half-way through a popover's or a
    /// dialog's fade-in has a fraction of its contrast, and axe-core would report it.
    /// </summary>
    private const string SettleScript = """
        () => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)))
        """;

    /// <summary>
    /// Runs the audit on the whole page (or only inside <paramref name="within"/>) once its animations have ended, and
    /// returns its violations.
    /// </summary>
    public static async Task<IReadOnlyList<AxeResultItem>> ViolationsAsync(IPage page, string? within = null)
    {
        await page.EvaluateAsync(SettleScript);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        };
        // axe.run refuses a context whose include or exclude is null: give it one only when there is something to say.
        AxeResult result;
        if (within is null && ThirdPartyExclusions.Count == 0)
        {
            result = await page.RunAxe(options);
        }
        else
        {
            var context = new AxeRunContext();
            if (within is not null)
            {
                context.Include = [new AxeSelector(within)];
            }

            if (ThirdPartyExclusions.Count > 0)
            {
                context.Exclude = [.. ThirdPartyExclusions.Select(e => new AxeSelector(e.Selector))];
            }

            result = await page.RunAxe(context, options);
        }

        return result.Violations ?? [];
    }

    /// <summary>
    /// Fails when the page has a violation whose impact is <see cref="FailingImpacts">serious or critical</see>, listing
    /// for each its rule, impact, help and the offending nodes; lesser findings go to <paramref name="log"/>.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what, Action<string>? log = null, string? within = null)
    {
        var violations = await ViolationsAsync(page, within);
        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        var lesser = violations.Except(failing).ToList();
        if (lesser.Count > 0)
        {
            log?.Invoke($"{what}: findings below serious (not failing):\n{Describe(lesser)}");
        }

        Assert.True(failing.Count == 0, $"axe-core found {failing.Count} serious or critical violation(s) on {what}:\n{Describe(failing)}");
    }

    /// <summary>Rule, impact, help and up to five nodes (target and shortened HTML) of each violation.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append(" [").Append(violation.Nodes.Length).Append(" node(s)]\n");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append("    ").Append(node.Target).Append("  ").Append(Shorten(node.Html)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Shorten(string html)
    {
        var oneLine = string.Join(' ', html.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 160 ? oneLine : oneLine[..157] + "...";
    }
}
