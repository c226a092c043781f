using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>
/// Connects the SVG of a chart to its categories: a click on an axis label, point or bar calls
/// <see cref="OpenCategoryAt"/> with the category's position (see <c>wwwroot/js/chart-links.js</c>).
/// </summary>
public abstract class ChartLinks : ComponentBase, IAsyncDisposable
{
    private DotNetObjectReference<ChartLinks>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _subscription;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>The element that holds the chart's SVG.</summary>
    protected ElementReference Container { get; set; }

    /// <summary>"radar" or "bar": how the script finds the category of a clicked element.</summary>
    protected abstract string ChartKind { get; }

    /// <summary>Called from the script with the position of the clicked category.</summary>
    [JSInvokable]
    public Task OpenCategoryFromChart(int index) => InvokeAsync(() => OpenCategoryAt(index));

    /// <summary>Opens the category at <paramref name="index"/> in the chart's order.</summary>
    protected abstract Task OpenCategoryAt(int index);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference?>("import", "./js/chart-links.js");
            if (_module is not null)
            {
                _subscription = await _module.InvokeAsync<IJSObjectReference?>("attach", Container, _self, ChartKind);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away before the chart was wired: nothing to do.
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

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
