namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// How many imports the server runs at once (one instance for the whole server). An import over the cap is refused at
/// once with <see cref="GobiernoDigital.Core.Import.ImportLimits.Busy"/>, not queued: a queue of large files would keep
/// memory and CPU taken long after their users gave up.
/// </summary>
public sealed class ImportGate : IDisposable
{
    /// <summary>Two imports at once: a 2-core server keeps a core for everyone else.</summary>
    public const int DefaultCapacity = 2;

    private readonly SemaphoreSlim _slots;

    public ImportGate()
        : this(DefaultCapacity)
    {
    }

    public ImportGate(int capacity) => _slots = new SemaphoreSlim(capacity, capacity);

    /// <summary>A slot, released when disposed; null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
