using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Core.Persistence;

/// <summary>The app's database. Services open one context per operation through <c>IDbContextFactory</c>.</summary>
public class GobiernoDigitalDbContext(DbContextOptions<GobiernoDigitalDbContext> options) : DbContext(options)
{
    public DbSet<PublicEntity> Entities => Set<PublicEntity>();

    public DbSet<Component> Components => Set<Component>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<CategoryScore> Scores => Set<CategoryScore>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<ImprovementPlan> Plans => Set<ImprovementPlan>();

    public DbSet<Finding> Findings => Set<Finding>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GobiernoDigitalDbContext).Assembly);
    }
}
