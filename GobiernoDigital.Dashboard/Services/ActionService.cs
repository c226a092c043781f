using FluentValidation;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// Reads one improvement action and makes every change to actions and their evidence: create, edit, follow-up, add
/// and remove evidence, close with evidence, reopen.
/// </summary>
/// <remarks>
/// Every change demands <see cref="Policies.EditarPlan"/> first, is audited in the same transaction, bumps the action's
/// revision, and is refused with a conflict (and the current values) when the action changed after the form was loaded
/// with <c>expectedRevision</c>. Actions of a superseded plan version are read-only. Bad input gets a Spanish message
/// and changes nothing.
/// </remarks>
public sealed class ActionService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public const string NotFoundMessage = "La acción no existe.";
    public const string SaveFailedMessage = "No se pudo guardar el cambio; no se modificó nada. Inténtelo de nuevo.";

    private static readonly ActionFormValidator NewActionValidator = new(requireFinding: true);
    private static readonly ActionFormValidator EditActionValidator = new();
    private static readonly FollowUpValidator FollowUpValidator = new();

    /// <summary>The action with its category, plan version, follow-up and evidence; null when the id is unknown. For every reader.</summary>
    public async Task<ActionDetailModel?> GetAsync(int actionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, actionId, cancellationToken);
    }

    /// <summary>
    /// The findings a new action can go under: those of the current version of each plan, but «NO APLICA», in the order
    /// of the catalog (component, category) and of the plan.
    /// </summary>
    public async Task<IReadOnlyList<FindingChoice>> GetFindingChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => db.Plans.Any(p => p.Id == f.PlanId && !db.Plans.Any(q => q.Code == p.Code && q.Version > p.Version)))
            .Include(f => f.Category).ThenInclude(c => c.Component)
            .Include(f => f.Actions)
            .ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.Code, p.Version), cancellationToken);

        return findings
            .GroupBy(f => (f.PlanId, f.CategoryId))
            .SelectMany(g => g.OrderBy(f => f.DisplayOrder).Select((f, i) => (Finding: f, Number: i + 1)))
            .Where(x => !x.Finding.ImprovementsNotApplicable)
            .OrderBy(x => x.Finding.Category.Component.DisplayOrder)
            .ThenBy(x => x.Finding.Category.DisplayOrder)
            .ThenBy(x => plans[x.Finding.PlanId].Code, StringComparer.Ordinal)
            .ThenBy(x => x.Finding.DisplayOrder)
            .Select(x => new FindingChoice(
                x.Finding.Id,
                x.Finding.CategoryId,
                x.Finding.Category.Name,
                x.Finding.Category.Component.Name,
                x.Number,
                x.Finding.RowScore,
                x.Finding.Improvements.Concat(x.Finding.Alternatives).FirstOrDefault() ?? "Sin texto en el plan.",
                x.Finding.Deadline,
                x.Finding.Actions.Count,
                plans[x.Finding.PlanId].Code,
                plans[x.Finding.PlanId].Version))
            .ToList();
    }

    /// <summary>Creates an action under a finding of the current plan version; the result holds the new action.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public async Task<ActionChangeResult> CreateAsync(ActionFormModel form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPlan);
        if (FirstError(NewActionValidator, form) is { } error)
        {
            return ActionChangeResult.Fail(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        var finding = await db.Findings.Include(f => f.Actions).FirstOrDefaultAsync(f => f.Id == form.FindingId, cancellationToken);
        if (finding is null)
        {
            return ActionChangeResult.Fail("El hallazgo no existe.");
        }

        var plan = await PlanStateAsync(db, finding.PlanId, cancellationToken);
        if (!plan.IsCurrent)
        {
            return ActionChangeResult.Fail(
                $"Ese hallazgo es de la versión {plan.Version} del plan {plan.Code}, reemplazada por la versión {plan.CurrentVersion}: " +
                "las acciones nuevas van en la versión vigente.");
        }

        ImprovementAction action;
        try
        {
            action = finding.AddAction(form.Description!, form.Responsible, form.ToDates(), form.ToExpectedPoints());
        }
        catch (DomainException ex)
        {
            return ActionChangeResult.Fail(ex.Message);
        }

        if (await SaveAsync(db, cancellationToken) is { } failure)
        {
            return ActionChangeResult.Fail(failure);
        }

        return ActionChangeResult.Ok((await LoadAsync(db, action.Id, cancellationToken))!);
    }

    /// <summary>Changes the description, responsible, dates and expected points.</summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> UpdateAsync(int actionId, int expectedRevision, ActionFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(actionId, expectedRevision, () => FirstError(EditActionValidator, form), (action, _) =>
        {
            action.SetDescription(form.Description!);
            action.SetResponsible(form.Responsible);
            action.SetDates(form.ToDates());
            action.SetExpectedPoints(form.ToExpectedPoints());
        }, cancellationToken);

    /// <summary>Records the follow-up of an open action: No iniciada, En curso or Cancelada, with its progress.</summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> SetFollowUpAsync(int actionId, int expectedRevision, FollowUpFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(actionId, expectedRevision, () => FirstError(FollowUpValidator, form), (action, _) =>
        {
            if (action.Status == ActionStatus.Completada)
            {
                throw new DomainException("La acción está completada: reábrala para registrar otro seguimiento.");
            }

            action.SetFollowUp(form.Status, form.Progress!.Value);
        }, cancellationToken);

    /// <summary>Adds a dated piece of evidence, recorded by the user's display name.</summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> AddEvidenceAsync(int actionId, int expectedRevision, EvidenceFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(actionId, expectedRevision, () => FirstError(EvidenceValidator.ForEvidence(clock), form), (action, actor) =>
            action.AddEvidence(form.ToDate(), form.Url, form.Note, actor.UserName), cancellationToken);

    /// <summary>Removes a piece of evidence; the last one of a completed action stays (reopen it first).</summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> RemoveEvidenceAsync(int actionId, int expectedRevision, int evidenceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actionId, expectedRevision, () => null, (action, _) =>
        {
            var evidence = action.Evidence.FirstOrDefault(e => e.Id == evidenceId)
                ?? throw new DomainException("Esa evidencia ya no existe.");
            action.RemoveEvidence(evidence);
        }, cancellationToken);

    /// <summary>
    /// Closes the action in one step: adds the evidence (a link and/or a note, dated on the completion date) and marks it
    /// Completada at 100 % on that date. An action that already has evidence may close without a new link or note.
    /// </summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> CloseAsync(int actionId, int expectedRevision, EvidenceFormModel form, CancellationToken cancellationToken = default) =>
        // The link or note is checked against the action once it is loaded: one that already has evidence may close on it.
        ChangeAsync(actionId, expectedRevision, () => FirstError(EvidenceValidator.ForClosing(clock, hasEvidence: true), form), (action, actor) =>
        {
            if (action.Status == ActionStatus.Completada)
            {
                throw new DomainException("La acción ya está completada.");
            }

            if (EvidenceValidator.HasNewEvidence(form))
            {
                action.AddEvidence(form.ToDate(), form.Url, form.Note, actor.UserName);
            }
            else if (action.Evidence.Count == 0)
            {
                throw new DomainException(EvidenceValidator.ClosingEvidenceMissing);
            }

            action.Complete(form.ToDate());
        }, cancellationToken);

    /// <summary>Reopens a completed action: back to En curso, keeping its progress and evidence; the completion date is cleared.</summary>
    /// <exception cref="AccessDeniedException">Without <see cref="Policies.EditarPlan"/>: nothing changes.</exception>
    public Task<ActionChangeResult> ReopenAsync(int actionId, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(actionId, expectedRevision, () => null, (action, _) =>
        {
            if (action.Status != ActionStatus.Completada)
            {
                throw new DomainException("Solo se reabre una acción completada.");
            }

            action.SetFollowUp(ActionStatus.EnCurso, action.Progress);
        }, cancellationToken);

    /// <summary>
    /// The common path of every change to an existing action: policy, input, existence, current plan version, revision,
    /// the change itself (a <see cref="DomainException"/> becomes the message), <c>Touch</c>, one audited save.
    /// </summary>
    private async Task<ActionChangeResult> ChangeAsync(
        int actionId, int expectedRevision, Func<string?> validate, Action<ImprovementAction, AuditActor> change, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandAsync(Policies.EditarPlan);
        if (validate() is { } error)
        {
            return ActionChangeResult.Fail(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        var action = await db.Actions.Include(a => a.Evidence).Include(a => a.Finding)
            .FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return ActionChangeResult.Fail(NotFoundMessage);
        }

        var plan = await PlanStateAsync(db, action.Finding.PlanId, cancellationToken);
        if (!plan.IsCurrent)
        {
            return ActionChangeResult.Fail(SupersededMessage(plan), await GetAsync(actionId, cancellationToken));
        }

        if (action.Revision != expectedRevision)
        {
            return ActionChangeResult.Conflict(await GetAsync(actionId, cancellationToken));
        }

        try
        {
            change(action, actor);
        }
        catch (DomainException ex)
        {
            return ActionChangeResult.Fail(ex.Message, await GetAsync(actionId, cancellationToken));
        }

        action.Touch();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write: the revision in the WHERE clause no longer matched.
            return ActionChangeResult.Conflict(await GetAsync(actionId, cancellationToken));
        }
        catch (DbUpdateException)
        {
            return ActionChangeResult.Fail(SaveFailedMessage, await GetAsync(actionId, cancellationToken));
        }

        return ActionChangeResult.Ok((await GetAsync(actionId, cancellationToken))!);
    }

    /// <summary>The message for a change to an action of a superseded plan version.</summary>
    public static string SupersededMessage(PlanState plan) =>
        $"Esta acción pertenece a la versión {plan.Version} del plan {plan.Code}, reemplazada por la versión {plan.CurrentVersion}: " +
        "es de solo lectura. Los cambios se hacen en la versión vigente.";

    /// <summary>A plan version and whether it is the current one of its code.</summary>
    public sealed record PlanState(string Code, int Version, int CurrentVersion)
    {
        public bool IsCurrent => Version == CurrentVersion;
    }

    private static async Task<PlanState> PlanStateAsync(GobiernoDigitalDbContext db, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Code, p.Version }).SingleAsync(cancellationToken);
        var current = await db.Plans.AsNoTracking().Where(p => p.Code == plan.Code).MaxAsync(p => p.Version, cancellationToken);
        return new PlanState(plan.Code, plan.Version, current);
    }

    private async Task<ActionDetailModel?> LoadAsync(GobiernoDigitalDbContext db, int actionId, CancellationToken cancellationToken)
    {
        var action = await db.Actions.AsNoTracking()
            .Include(a => a.Evidence)
            .Include(a => a.Finding).ThenInclude(f => f.Category).ThenInclude(c => c.Component)
            .FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var finding = action.Finding;
        var plan = await PlanStateAsync(db, finding.PlanId, cancellationToken);
        var findingNumber = await db.Findings.AsNoTracking()
            .CountAsync(f => f.PlanId == finding.PlanId && f.CategoryId == finding.CategoryId && f.DisplayOrder <= finding.DisplayOrder, cancellationToken);
        var today = ActionStatusText.Today(clock);

        return new ActionDetailModel(
            action.Id,
            action.Revision,
            action.Description,
            action.Responsible,
            action.StartDate,
            action.EndDate,
            action.Status,
            action.StatusOn(today),
            action.Progress,
            action.ExpectedPoints,
            action.CompletedOn,
            finding.Id,
            findingNumber,
            finding.CategoryId,
            finding.Category.Name,
            finding.Category.ShortLabel,
            finding.Category.Component.Name,
            finding.PlanId,
            plan.Code,
            plan.Version,
            plan.IsCurrent,
            plan.CurrentVersion,
            action.Evidence.OrderBy(e => e.Date).ThenBy(e => e.Id)
                .Select(e => new EvidenceModel(e.Id, e.Date, e.Url, e.Note, e.RecordedBy))
                .ToList(),
            today);
    }

    /// <summary>Saves; a database refusal becomes a Spanish message (null when saved).</summary>
    private static async Task<string?> SaveAsync(GobiernoDigitalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return SaveFailedMessage;
        }
    }

    private static string? FirstError<T>(IValidator<T> validator, T model) =>
        validator.Validate(model).Errors.Select(e => e.ErrorMessage).FirstOrDefault();
}
