using GobiernoDigital.Core.Auditing;
using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Lists the versions of the improvement plan and re-issues the current one as the next version.</summary>
public sealed class PlanVersionService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Every version of every plan, the newest first, with its numbers of findings and actions. For every reader.</summary>
    public async Task<IReadOnlyList<PlanVersionModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Plans.AsNoTracking()
            .OrderBy(p => p.Code).ThenByDescending(p => p.Version)
            .Select(p => new PlanVersionModel(
                p.Id,
                p.Code,
                p.Title,
                p.Version,
                p.ApprovedOn,
                p.ApprovalAct,
                p.ApprovedBy,
                p.PreparedBy,
                p.PreparedByRole,
                p.PreparedOn,
                p.MeasuredVigencia,
                db.Findings.Count(f => f.PlanId == p.Id),
                db.Actions.Count(a => a.Finding.PlanId == p.Id),
                !db.Plans.Any(q => q.Code == p.Code && q.Version > p.Version)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Re-issues the current version of the plan <see cref="ReIssueFormModel.Code"/> as the next version, with a copy of
    /// every finding and action (follow-up and evidence included), in one audited transaction. The earlier version
    /// stays as it is, readable and read-only.
    /// </summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public async Task<EditResult> ReIssueAsync(ReIssueFormModel form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPlan);
        if (new ReIssueValidator(clock).Validate(form).Errors.FirstOrDefault() is { } error)
        {
            return EditResult.Fail(error.ErrorMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        // One summary entry (the new version's fields, the counts of copies, one line per copy) instead of one per copy.
        db.AuditBatch = new AuditBatch(AuditCatalog.PlanReIssueKind, MainType: typeof(ImprovementPlan), DetailValues: false);
        var current = await db.Plans
            .Include(p => p.Findings).ThenInclude(f => f.Category)
            .Include(p => p.Findings).ThenInclude(f => f.Actions).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .Where(p => p.Code == form.Code)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return EditResult.Fail($"No hay un plan con el código «{form.Code}».");
        }

        if (current.Version != form.CurrentVersion)
        {
            return EditResult.Fail(VersionConflict(current.Version));
        }

        ImprovementPlan next;
        try
        {
            next = current.ReIssue(
                DateOnly.FromDateTime(form.ApprovedOn!.Value),
                form.ApprovalAct,
                form.ApprovedBy!,
                form.PreparedBy!,
                form.PreparedByRole,
                DateOnly.FromDateTime(form.PreparedOn!.Value),
                form.MeasuredVigencia!.Value);
        }
        catch (DomainException ex)
        {
            return EditResult.Fail(ex.Message);
        }

        db.Plans.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (code, version) index: someone else issued the same version a moment earlier.
            return EditResult.Fail(VersionConflict(current.Version + 1));
        }

        return EditResult.Ok;
    }

    private static string VersionConflict(int version) =>
        $"Otra persona emitió la versión {version} mientras usted llenaba el formulario; no se emitió ninguna otra. Revise la lista de versiones.";
}
