using Microsoft.JSInterop;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>
/// A click listener of <c>wwwroot/js/chart-links.js</c> on one element, removed when its component goes. Shared by
/// <see cref="ChartLinks"/> (a live chart) and <see cref="CategoryLinks"/> (the overview's shared figures).
/// </summary>
internal sealed class ChartLinksScript(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _subscription;

    /// <summary>Calls the script's <paramref name="function"/> (it returns the listener's handle).</summary>
    public async Task AttachAsync(string function, params object?[] arguments)
    {
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference?>("import", "./js/chart-links.js");
            if (_module is not null)
            {
                _subscription = await _module.InvokeAsync<IJSObjectReference?>(function, arguments);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away before the element was wired: nothing to do.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_subscription is not null)
            {
                await _subscription.InvokeVoidAsync("dispose");
                await _subscription.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its listeners went with it.
        }
    }
}
