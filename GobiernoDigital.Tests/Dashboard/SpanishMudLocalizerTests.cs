using System.Collections;
using System.Resources;
using System.Text.RegularExpressions;
using GobiernoDigital.Dashboard.Localization;
using MudBlazor;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed partial class SpanishMudLocalizerTests
{
    /// <summary>MudBlazor's built-in English texts, key by key, read from its own resources.</summary>
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var assembly = typeof(MudButton).Assembly;
        using var stream = assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")
            ?? throw new InvalidOperationException("MudBlazor no longer ships LanguageResource.resources.");
        using var reader = new ResourceReader(stream);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Texts_EveryMudBlazorKey_HasASpanishTextWithTheSameArguments()
    {
        var english = MudBlazorEnglish();

        var missing = english.Keys.Where(k => !SpanishMudLocalizer.Texts.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "MudBlazor texts a screen reader would still speak in English: " + string.Join(", ", missing));
        foreach (var (key, text) in english)
        {
            Assert.Equal(Arguments(text), Arguments(SpanishMudLocalizer.Texts[key]));
        }
    }

    [Fact]
    public void Indexer_KeyWithArguments_FormatsThemAndUnknownKeyIsReportedNotFound()
    {
        var localizer = new SpanishMudLocalizer();

        Assert.Equal("Mes siguiente enero", localizer["MudBaseDatePicker_NextMonth", "enero"].Value);
        Assert.Equal("Cerrar", localizer["MudDialog_Close"].Value);
        Assert.True(localizer["Clave_Inexistente"].ResourceNotFound);
    }

    private static List<string> Arguments(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
