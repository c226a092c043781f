using System.Data.Common;
using GobiernoDigital.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// Contexts on the test database that let another user's save commit once, right
/// after the service has read the measurement and just before it writes: the race the revision check alone misses.
/// </summary>
public sealed class RaceBeforeWrite : IDbContextFactory<GobiernoDigitalDbContext>
{
    private readonly DbContextOptions<GobiernoDigitalDbContext> _options;
    private readonly OtherSaveOnWrite _interceptor;

    public RaceBeforeWrite(SqliteTestDatabase database, Func<Task> otherSave)
    {
        _interceptor = new OtherSaveOnWrite(otherSave);
        _options = new DbContextOptionsBuilder<GobiernoDigitalDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(_interceptor).Options;
    }

    public bool Raced => _interceptor.Done;

    public GobiernoDigitalDbContext CreateDbContext() => new(_options);

    public Task<GobiernoDigitalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    private sealed class OtherSaveOnWrite(Func<Task> otherSave) : DbConnectionInterceptor
    {
        public bool Done { get; private set; }

        // The connection opens for each query and once more for the save; only the save's context has changes.
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!Done && eventData.Context?.ChangeTracker.HasChanges() == true)
            {
                Done = true;
                await otherSave();
            }
        }
    }
}
