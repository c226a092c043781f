using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// The prerendered HTML of a component that depends only on one shared, immutable read model (for instance the
/// overview's figures, <see cref="ComplianceCache"/>), rendered once per model and reused by every request until the
/// model itself is dropped, that is until the data changes. One per app (singleton).
/// </summary>
/// <remarks>
/// <para>
/// Only the prerendered response uses it: an interactive circuit renders the live components as usual. The markup is
/// kept alongside its model (a <see cref="ConditionalWeakTable{TKey, TValue}"/>), so it can never outlive the figures
/// it shows. What differs between visitors (the menu, the user, the circuit's markers, the antiforgery token) is outside
/// these components and is rendered for each request as always. It is the idea of ASP.NET Core's cache tag helper,
/// keyed by the model instead of a duration.
/// </para>
/// <para>
/// The components are rendered by an <see cref="HtmlRenderer"/> in a service scope of their own, so nothing of the
/// request that happened to render them first (its user, its address) can reach the shared markup. The string is the
/// renderer's own output, so every text from the database in it (a category name an editor typed) is HTML-encoded as
/// in any render; it is never stored text turned into HTML.
/// </para>
/// </remarks>
public sealed class PrerenderedMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConditionalWeakTable<object, Entry> _entries = [];

    /// <summary>
    /// The HTML of <typeparamref name="TComponent"/> with <paramref name="model"/> as its parameter
    /// <paramref name="parameterName"/>: rendered on the first call for that model, the same string afterwards.
    /// </summary>
    public async Task<MarkupString> GetAsync<TComponent>(object model, string parameterName)
        where TComponent : IComponent
    {
        var entry = _entries.GetValue(model, _ => new Entry());
        var key = (typeof(TComponent), parameterName);
        Lazy<Task<string>> rendering;
        lock (entry)
        {
            if (!entry.Markup.TryGetValue(key, out rendering!) || rendering.Value.IsFaulted || rendering.Value.IsCanceled)
            {
                // Created under the lock, rendered outside it: concurrent first requests share one rendering.
                rendering = new Lazy<Task<string>>(() => RenderAsync<TComponent>(model, parameterName));
                entry.Markup[key] = rendering;
            }
        }

        return new MarkupString(await rendering.Value);
    }

    private async Task<string> RenderAsync<TComponent>(object model, string parameterName)
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [parameterName] = model });
            var output = await renderer.RenderComponentAsync<TComponent>(parameters);
            return output.ToHtmlString();
        });
    }

    private sealed class Entry
    {
        public Dictionary<(Type, string), Lazy<Task<string>>> Markup { get; } = [];
    }
}
