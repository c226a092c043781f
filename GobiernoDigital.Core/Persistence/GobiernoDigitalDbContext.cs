using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Persistence;

/// <summary>
/// The app's database: the domain, the accounts (ASP.NET Core Identity), the data-protection keys and the audit trail.
/// Services open one context per operation through <c>IDbContextFactory</c>.
/// </summary>
/// <remarks>
/// When <see cref="Actor"/> is set, saving also records an <see cref="AuditEntry"/> for every created, changed or
/// deleted domain record, in the same transaction: a change is never saved without its audit entry.
/// </remarks>
public class GobiernoDigitalDbContext(DbContextOptions<GobiernoDigitalDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<PublicEntity> Entities => Set<PublicEntity>();

    public DbSet<Component> Components => Set<Component>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<CategoryScore> Scores => Set<CategoryScore>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<ImprovementPlan> Plans => Set<ImprovementPlan>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<ImprovementAction> Actions => Set<ImprovementAction>();

    public DbSet<ActionEvidence> Evidence => Set<ActionEvidence>();

    public DbSet<PeerAverage> PeerAverages => Set<PeerAverage>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who is saving; when set, changes to domain records are audited.</summary>
    public AuditActor? Actor { get; set; }

    /// <summary>When set, the changes of each save are recorded as one summary entry (a plan re-issue, an import).</summary>
    public AuditBatch? AuditBatch { get; set; }

    /// <summary>The clock for audit timestamps (a fixed one in tests).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Actor is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(await AuditRecorder.CompleteAsync(this, pending, Actor, Clock.GetUtcNow().UtcDateTime, AuditBatch, cancellationToken));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GobiernoDigitalDbContext).Assembly);
    }
}
