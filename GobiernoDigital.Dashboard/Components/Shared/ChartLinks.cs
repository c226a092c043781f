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
    private ChartLinksScript? _script;

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
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _script = new ChartLinksScript(JS);
            await _script.AttachAsync("attach", Container, _self, ChartKind);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_script is not null)
        {
            await _script.DisposeAsync();
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
