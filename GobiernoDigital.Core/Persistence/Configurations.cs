using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GobiernoDigital.Core.Persistence;

internal sealed class PublicEntityConfiguration : IEntityTypeConfiguration<PublicEntity>
{
    public void Configure(EntityTypeBuilder<PublicEntity> builder)
    {
        builder.ToTable("Entidades");
        builder.Property(e => e.Name).HasMaxLength(500);
        builder.Property(e => e.Nit).HasMaxLength(50);
    }
}

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> builder)
    {
        builder.ToTable("Componentes");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasMany(c => c.Categories).WithOne(c => c.Component).HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Categories).HasField("_categories");
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categorias");
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.ShortLabel).HasMaxLength(Category.ShortLabelMaxLength);
        builder.Property(c => c.NameInPlan).HasMaxLength(500);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("Mediciones");
        builder.HasIndex(m => m.Vigencia).IsUnique();
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Revision).IsConcurrencyToken();
        builder.HasMany(m => m.Scores).WithOne().HasForeignKey(s => s.MeasurementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Scores).HasField("_scores");
    }
}

internal sealed class CategoryScoreConfiguration : IEntityTypeConfiguration<CategoryScore>
{
    public void Configure(EntityTypeBuilder<CategoryScore> builder)
    {
        builder.ToTable("Puntajes");
        builder.Ignore(s => s.Score);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Observation).HasMaxLength(2000);
        builder.HasIndex(s => new { s.MeasurementId, s.CategoryId }).IsUnique();
        builder.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Puntajes_Valor",
            "(\"Status\" = 'Measured' AND CAST(\"Value\" AS REAL) BETWEEN 0 AND 100) OR (\"Status\" <> 'Measured' AND \"Value\" IS NULL)"));
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("Metas");
        builder.HasIndex(t => new { t.CategoryId, t.Vigencia }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PeerAverageConfiguration : IEntityTypeConfiguration<PeerAverage>
{
    public void Configure(EntityTypeBuilder<PeerAverage> builder)
    {
        builder.ToTable("PromediosGrupoPar");
        builder.HasIndex(p => new { p.CategoryId, p.Vigencia }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("Escenarios");
        builder.Property(s => s.Name).HasMaxLength(Scenario.NameMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.OwnsMany(s => s.Values, v => v.ToJson());
    }
}

internal sealed class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> builder)
    {
        builder.ToTable("Planes");
        builder.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.Code).HasMaxLength(50);
        builder.Property(p => p.PreparedBy).HasMaxLength(200);
        builder.Property(p => p.PreparedByRole).HasMaxLength(200);
        builder.Property(p => p.ApprovedBy).HasMaxLength(200);
        builder.Property(p => p.ApprovalAct).HasMaxLength(200);
        builder.HasMany(p => p.Findings).WithOne().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Findings).HasField("_findings");
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("Hallazgos");
        builder.Ignore(f => f.Deadline);
        builder.Property(f => f.EffectivenessNote).HasMaxLength(500);
        builder.HasOne(f => f.Category).WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Actions).WithOne(a => a.Finding).HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Actions).HasField("_actions");
    }
}

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ToTable("Acciones", t =>
        {
            t.HasCheckConstraint("CK_Acciones_Avance", "\"Progress\" BETWEEN 0 AND 100");
            t.HasCheckConstraint("CK_Acciones_Fechas", "\"EndDate\" >= \"StartDate\"");
            t.HasCheckConstraint("CK_Acciones_Estado", "\"Status\" IN ('NoIniciada', 'EnCurso', 'Completada', 'Cancelada')");
        });
        builder.Property(a => a.Description).HasMaxLength(ImprovementAction.DescriptionMaxLength);
        builder.Property(a => a.Responsible).HasMaxLength(ImprovementAction.ResponsibleMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasIndex(a => a.EndDate);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Evidence).HasField("_evidence");
    }
}

internal sealed class ActionEvidenceConfiguration : IEntityTypeConfiguration<ActionEvidence>
{
    public void Configure(EntityTypeBuilder<ActionEvidence> builder)
    {
        builder.ToTable("Evidencias");
        builder.Property(e => e.Url).HasMaxLength(ActionEvidence.UrlMaxLength);
        builder.Property(e => e.Note).HasMaxLength(ActionEvidence.NoteMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<GobiernoDigital.Core.Auditing.AuditEntry>
{
    public void Configure(EntityTypeBuilder<GobiernoDigital.Core.Auditing.AuditEntry> builder)
    {
        builder.ToTable("Auditoria");
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.RecordName).HasMaxLength(300);
        builder.HasIndex(a => a.EntityType);
        builder.HasIndex(a => a.OccurredAtUtc);
        builder.HasIndex(a => a.CategoryId);
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<GobiernoDigital.Core.Identity.ApplicationUser>
{
    public void Configure(EntityTypeBuilder<GobiernoDigital.Core.Identity.ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
