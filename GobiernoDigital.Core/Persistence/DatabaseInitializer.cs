using GobiernoDigital.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Persistence;

/// <summary>What <see cref="DatabaseInitializer.InitializeAsync"/> did.</summary>
public enum SeedOutcome
{
    /// <summary>The database was empty and now holds the seed.</summary>
    Seeded,

    /// <summary>The database already had data: nothing was touched.</summary>
    AlreadyHadData,

    /// <summary>No seed file was found: the database stays empty.</summary>
    NoSeedFile,
}

/// <summary>Applies the migrations and, on an empty database, loads the seed from <c>data/</c>.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// Migrates the database, then seeds it from <paramref name="seedFile"/> if, and only if, it holds no entity and
    /// no catalog. Seeding runs in one transaction: a bad seed file leaves the database empty.
    /// </summary>
    public static async Task<SeedOutcome> InitializeAsync(IDbContextFactory<GobiernoDigitalDbContext> factory, string? seedFile, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        if (await db.Entities.AnyAsync(cancellationToken) || await db.Components.AnyAsync(cancellationToken))
        {
            return SeedOutcome.AlreadyHadData;
        }

        if (seedFile is null || !File.Exists(seedFile))
        {
            return SeedOutcome.NoSeedFile;
        }

        var seed = SeedLoader.Load(seedFile);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entities.Add(seed.Entity);
        db.Components.AddRange(seed.Components);
        db.Categories.AddRange(seed.Categories);
        db.Measurements.AddRange(seed.Measurements);
        if (seed.Plan is not null)
        {
            db.Plans.Add(seed.Plan);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SeedOutcome.Seeded;
    }
}
