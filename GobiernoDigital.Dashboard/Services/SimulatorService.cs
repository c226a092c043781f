using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// What the what-if simulator reads and saves: a measured vigencia's input, and the saved scenarios (table Escenarios),
/// which never mix with measured data.
/// </summary>
/// <remarks>
/// The simulation itself runs in the page with <see cref="SimulationCalculator"/>; nothing here is called while a slider
/// moves. Saving and deleting a scenario require <see cref="Policies.EditarPuntajes"/> (an Editor's action on scores,
/// though only hypothetical ones) and are audited.
/// </remarks>
public sealed class SimulatorService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<int, decimal> NoValues = new Dictionary<int, decimal>();

    /// <summary>The measured <paramref name="vigencia"/> (the latest when null) to simulate on; null when it has no measurement.</summary>
    public async Task<SimulatorStart?> GetStartAsync(int? vigencia, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadSnapshotAsync(cancellationToken);
        var measurement = vigencia is { } v
            ? snapshot.Measurements.FirstOrDefault(m => m.Vigencia == v)
            : snapshot.Measurements.LastOrDefault();
        return measurement is null
            ? null
            : new SimulatorStart(Vigencias(snapshot), snapshot.InputFor(measurement), NoValues, null, []) { State = measurement.State };
    }

    /// <summary>Every saved scenario, by name.</summary>
    public async Task<IReadOnlyList<ScenarioSummary>> ListScenariosAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scenarios = await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken);
        return scenarios
            .Select(Summary)
            .OrderBy(s => s.Name, StringComparer.Create(EsCo.Culture, ignoreCase: true))
            .ToList();
    }

    /// <summary>
    /// A saved scenario on top of its base vigencia as measured now. Values for categories that no longer apply to the
    /// vigencia, or that are now <em>No aplica</em>, are left out with a note.
    /// </summary>
    public async Task<ScenarioLoadResult> LoadScenarioAsync(int scenarioId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scenarioId, cancellationToken);
        if (scenario is null)
        {
            return new ScenarioLoadResult(null, "El escenario pedido no existe; quizá se eliminó.");
        }

        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var measurement = snapshot.Measurements.FirstOrDefault(m => m.Vigencia == scenario.BaseVigencia);
        if (measurement is null)
        {
            return new ScenarioLoadResult(null, $"La vigencia {scenario.BaseVigencia} del escenario «{scenario.Name}» ya no tiene medición: no se puede cargar.");
        }

        var input = snapshot.InputFor(measurement);
        var byId = input.Categories.ToDictionary(c => c.CategoryId);
        var values = new Dictionary<int, decimal>();
        var notes = new List<string>();
        foreach (var value in scenario.Values)
        {
            var name = snapshot.Categories.FirstOrDefault(c => c.Id == value.CategoryId)?.Name;
            if (!byId.TryGetValue(value.CategoryId, out var category))
            {
                notes.Add(name is null
                    ? $"Una categoría del escenario ya no existe: su valor simulado ({EsCo.Number(value.Score)}) no se usa."
                    : $"«{name}» ya no aplica a la vigencia {input.Vigencia}: su valor simulado ({EsCo.Number(value.Score)}) no se usa.");
            }
            else if (category.Score.Status == ScoreStatus.NotApplicable)
            {
                notes.Add($"«{category.Name}» es No aplica en {input.Vigencia}: no se simula y su valor simulado ({EsCo.Number(value.Score)}) no se usa.");
            }
            else
            {
                values[value.CategoryId] = value.Score;
            }
        }

        return new ScenarioLoadResult(new SimulatorStart(Vigencias(snapshot), input, values, Summary(scenario), notes) { State = measurement.State }, null);
    }

    /// <summary>Saves the simulated scores of some categories of a measured vigencia as a named scenario (policy <see cref="Policies.EditarPuntajes"/>).</summary>
    /// <param name="name">A name no other scenario has (case and accents ignored).</param>
    /// <param name="baseVigencia">The measured vigencia the values apply to.</param>
    /// <param name="values">The simulated score (0–100, one decimal) per category id; only the categories changed.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy: nothing is saved.</exception>
    public async Task<ScenarioSaveResult> SaveScenarioAsync(string? name, int baseVigencia, IReadOnlyDictionary<int, decimal> values, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        var nameCheck = new ScenarioNameValidator().Validate(new ScenarioNameFormModel { Name = name });
        if (!nameCheck.IsValid)
        {
            return ScenarioSaveResult.Fail(nameCheck.Errors[0].ErrorMessage);
        }

        if (values.Count == 0)
        {
            return ScenarioSaveResult.Fail("El escenario no cambia ningún puntaje: mueva al menos una categoría antes de guardarlo.");
        }

        if (values.Values.Any(v => v is < Score.Min or > Score.Max))
        {
            return ScenarioSaveResult.Fail(ValidationRules.ScoreOutOfRange);
        }

        if (values.Values.Any(v => !NumberText.HasAtMostDecimals(v, 1)))
        {
            return ScenarioSaveResult.Fail(ValidationRules.ScoreTooManyDecimals);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var snapshot = await ScoringSnapshot.LoadAsync(db, cancellationToken);
        var measurement = snapshot.Measurements.FirstOrDefault(m => m.Vigencia == baseVigencia);
        if (measurement is null)
        {
            return ScenarioSaveResult.Fail($"No hay una medición registrada para la vigencia {baseVigencia}.");
        }

        var trimmed = name!.Trim();
        var key = ScoreCell.Normalize(trimmed);
        var existing = (await db.Scenarios.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken))
            .FirstOrDefault(n => ScoreCell.Normalize(n) == key);
        if (existing is not null)
        {
            return ScenarioSaveResult.Fail(DuplicateName(existing));
        }

        try
        {
            // Refuses a No aplica category or one that does not apply to the vigencia, with its own message.
            SimulationCalculator.Apply(snapshot.InputFor(measurement), values);
            var scenario = new Scenario(
                trimmed,
                baseVigencia,
                values.OrderBy(v => v.Key).Select(v => new ScenarioValue(v.Key, v.Value)),
                actor.UserName,
                clock.GetUtcNow().UtcDateTime);
            db.Scenarios.Add(scenario);
            await db.SaveChangesAsync(cancellationToken);
            return new ScenarioSaveResult(true, scenario.Id);
        }
        catch (DomainException ex)
        {
            return ScenarioSaveResult.Fail(ex.Message);
        }
        catch (DbUpdateException)
        {
            // Another editor saved the same name between the check and the save: the unique index refused it.
            return ScenarioSaveResult.Fail(DuplicateName(trimmed));
        }
    }

    /// <summary>Deletes a saved scenario (policy <see cref="Policies.EditarPuntajes"/>); measured data is never touched.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy: nothing is deleted.</exception>
    public async Task<EditResult> DeleteScenarioAsync(int scenarioId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandAsync(Policies.EditarPuntajes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;

        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == scenarioId, cancellationToken);
        if (scenario is null)
        {
            return EditResult.Fail("El escenario ya no existe; quizá otra persona lo eliminó.");
        }

        db.Scenarios.Remove(scenario);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }

    private static string DuplicateName(string name) => $"Ya existe un escenario llamado «{name}»: elija otro nombre.";

    private static List<int> Vigencias(ScoringSnapshot snapshot) =>
        snapshot.Measurements.Select(m => m.Vigencia).OrderDescending().ToList();

    private static ScenarioSummary Summary(Scenario s) =>
        new(s.Id, s.Name, s.BaseVigencia, s.Values.Count, s.CreatedBy, s.CreatedAtUtc);

    private async Task<ScoringSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ScoringSnapshot.LoadAsync(db, cancellationToken);
    }
}
