using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GobiernoDigital.Dashboard.Diagnostics;

/// <summary>Counts the Blazor circuits that are open now and those whose browser is connected (for bench/ only).</summary>
public sealed class OpenCircuitCounter : CircuitHandler
{
    private int _open;
    private int _connected;

    /// <summary>Circuits started and not yet closed, connected or not.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Open circuits whose browser connection is up.</summary>
    public int Connected => Volatile.Read(ref _connected);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connected);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _connected);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
