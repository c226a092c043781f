using System.Collections.Concurrent;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// What <see cref="ComplianceService"/> computed from the database (the scoring snapshot, each vigencia's overview,
/// each category page, the entity), shared by every request and circuit and kept until <see cref="DataVersion"/>
/// moves, that is until any data changes. One per app (singleton).
/// </summary>
/// <remarks>
/// The values are immutable read models, so sharing them between circuits is safe. A value read while a write was
/// being saved is returned to its caller but not kept. Writes made outside this process (another program on the same
/// SQLite file) do not move the version; values are therefore also dropped after <see cref="MaxAge"/>, so such a
/// change shows within a minute.
/// </remarks>
public sealed class ComplianceCache(IDbContextFactory<GobiernoDigitalDbContext> dbFactory)
{
    /// <summary>How long a computed value is kept at most, even when the data version does not move.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private Generation _generation = new(-1, 0);
    private string? _connectionString;

    /// <summary>The value kept for <paramref name="key"/> at the current data version, or <paramref name="load"/>'s.</summary>
    public async Task<T> GetOrAddAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var version = CurrentVersion();
        var generation = CurrentGeneration(version);
        if (generation.Values.TryGetValue(key, out var kept))
        {
            return (T)kept!;
        }

        var value = await load(cancellationToken);
        if (generation.Version == version && CurrentVersion() == version)
        {
            generation.Values.TryAdd(key, value);
        }

        return value;
    }

    private long CurrentVersion()
    {
        if (_connectionString is null)
        {
            using var db = dbFactory.CreateDbContext();
            _connectionString = db.Database.GetConnectionString() ?? string.Empty;
        }

        return DataVersion.Of(_connectionString);
    }

    /// <summary>The values of <paramref name="version"/>: the kept ones, or a new empty set that replaces older ones.</summary>
    private Generation CurrentGeneration(long version)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _generation);
            var now = Environment.TickCount64;
            if (generation.Version >= version && now - generation.CreatedAt < MaxAge.TotalMilliseconds)
            {
                return generation;
            }

            var fresh = new Generation(version, now);
            if (Interlocked.CompareExchange(ref _generation, fresh, generation) == generation)
            {
                return fresh;
            }
        }
    }

    private sealed class Generation(long version, long createdAt)
    {
        public long Version { get; } = version;

        /// <summary><see cref="Environment.TickCount64"/> when it was started.</summary>
        public long CreatedAt { get; } = createdAt;

        public ConcurrentDictionary<object, object?> Values { get; } = new();
    }
}
