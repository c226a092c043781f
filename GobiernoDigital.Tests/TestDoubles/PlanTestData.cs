using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>Changes to a seeded plan through the domain, as the editing side would make them: for tests that read the plan.</summary>
internal static class PlanTestData
{
    /// <summary>The act of the version <see cref="ReIssue"/> creates.</summary>
    public const string ReIssueAct = "Acta No. 02 de 2026";

    /// <summary>The ids of a category's actions in the plan's order (finding, then action), every version included.</summary>
    public static List<int> ActionIds(SqliteTestDatabase database, string category)
    {
        using var db = database.CreateDbContext();
        return db.Actions
            .Where(a => a.Finding.Category.Name == category)
            .OrderBy(a => a.Finding.PlanId).ThenBy(a => a.Finding.DisplayOrder).ThenBy(a => a.DisplayOrder)
            .Select(a => a.Id)
            .ToList();
    }

    /// <summary>Adds an action, with the finding's deadline, to the first dated finding of <paramref name="category"/>; returns its id.</summary>
    public static int AddAction(SqliteTestDatabase database, string category, string description)
    {
        using var db = database.CreateDbContext();
        var finding = db.Findings.Include(f => f.Actions)
            .Where(f => f.Category.Name == category && f.DeadlineStart != null)
            .OrderBy(f => f.PlanId).ThenBy(f => f.DisplayOrder)
            .First();
        var action = finding.AddAction(description, responsible: null, finding.Deadline!);
        db.SaveChanges();
        return action.Id;
    }

    /// <summary>Loads an action with its evidence, applies <paramref name="change"/> and saves it (revision bumped).</summary>
    public static void ChangeAction(SqliteTestDatabase database, int id, Action<ImprovementAction> change)
    {
        using var db = database.CreateDbContext();
        var action = db.Actions.Include(a => a.Evidence).Single(a => a.Id == id);
        change(action);
        action.Touch();
        db.SaveChanges();
    }

    /// <summary>Closes an action on <paramref name="on"/> with a link as evidence and the given expected points.</summary>
    public static void Complete(SqliteTestDatabase database, int id, DateOnly on, decimal? expectedPoints = null) =>
        ChangeAction(database, id, action =>
        {
            action.SetExpectedPoints(expectedPoints);
            action.AddEvidence(on, "https://concejocartago.gov.co/evidencia", note: null, recordedBy: "Prueba");
            action.Complete(on);
        });

    /// <summary>Records a measurement of <paramref name="vigencia"/> with the given scores; the other categories get none.</summary>
    public static void AddMeasurement(SqliteTestDatabase database, int vigencia, params (string Category, decimal Score)[] scores)
    {
        using var db = database.CreateDbContext();
        var measurement = new Measurement(vigencia, date: null, MeasurementSource.Autodiagnostico, officialIndex: null);
        foreach (var (name, score) in scores)
        {
            measurement.SetScore(db.Categories.Single(c => c.Name == name), Score.Measured(score));
        }

        db.Measurements.Add(measurement);
        db.SaveChanges();
    }

    /// <summary>Re-issues the seeded plan (its only version) as version 2, approved on <paramref name="approvedOn"/> by <see cref="ReIssueAct"/>.</summary>
    public static void ReIssue(SqliteTestDatabase database, DateOnly approvedOn)
    {
        using var db = database.CreateDbContext();
        var plan = db.Plans
            .Include(p => p.Findings).ThenInclude(f => f.Category)
            .Include(p => p.Findings).ThenInclude(f => f.Actions).ThenInclude(a => a.Evidence)
            .Single();
        db.Plans.Add(plan.ReIssue(approvedOn, ReIssueAct, plan.ApprovedBy, "Asesor de TI", "Asesor", approvedOn));
        db.SaveChanges();
    }
}
