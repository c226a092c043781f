using Xunit;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>Which Chromium the end-to-end tests launch, and when a missing one fails instead of skipping.</summary>
public sealed class ChromiumLocatorTests
{
    private static Func<string, string?> Environment(string? chromiumPath = null, string? required = null) =>
        name => name switch
        {
            ChromiumLocator.PathVariable => chromiumPath,
            ChromiumLocator.RequiredVariable => required,
            _ => null,
        };

    private static Func<string, bool> Existing(params string[] files) => path => files.Contains(path);

    [Fact]
    public void Chromium_path_variable_wins_over_the_usual_places()
    {
        var found = ChromiumLocator.Locate(Environment("/opt/chromium/chrome"), Existing("/opt/chromium/chrome", "/usr/bin/chromium"));

        Assert.Equal("/opt/chromium/chrome", found);
    }

    [Fact]
    public void Chromium_path_variable_to_a_missing_file_finds_nothing_even_when_the_usual_place_has_chromium()
    {
        var found = ChromiumLocator.Locate(Environment("/nonexistent/chromium"), Existing("/usr/bin/chromium"));

        Assert.Null(found);
        Assert.Contains("CHROMIUM_PATH='/nonexistent/chromium' no existe", ChromiumLocator.MissingReason(Environment("/nonexistent/chromium")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_the_variable_debian_chromium_comes_before_chromium_browser(string? chromiumPath)
    {
        var environment = Environment(chromiumPath);

        Assert.Equal("/usr/bin/chromium", ChromiumLocator.Locate(environment, Existing("/usr/bin/chromium-browser", "/usr/bin/chromium")));
        Assert.Equal("/usr/bin/chromium-browser", ChromiumLocator.Locate(environment, Existing("/usr/bin/chromium-browser")));
        Assert.Null(ChromiumLocator.Locate(environment, Existing()));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData(" 1 ", true)]
    [InlineData("0", false)]
    [InlineData("true", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_e2e_required_1_makes_a_missing_chromium_a_failure(string? value, bool required) =>
        Assert.Equal(required, ChromiumLocator.IsRequired(Environment(required: value)));
}
