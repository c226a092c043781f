using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Scoring;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// A small catalog and two measurements written through the domain into a <see cref="SqliteTestDatabase"/>, small
/// enough to work every figure out by hand.
/// </summary>
/// <remarks>
/// <code>
/// Gobierno Abierto   Transparencia (w 1)       2023: 40 «Portal en construcción», meta 80   2024: 55,4
///                    Colaboración  (w 2)       2023: 70                                     2024: 80, meta 2025 = 90
/// Seguridad          Plan de seguridad (w 1)   2023: No aplica                              2024: 60, meta 75
///                    Monitoreo (retired 2024)  2023: no row (Sin medición)                  —
///                    Innovación (from 2024)    —                                            2024: Sin medición
/// 2023: (40 + 2·70) / 3 = 180 / 3 = 60; 2 de 4 medidas.   2024: (55,4 + 2·80 + 60) / 4 = 275,4 / 4 = 68,85; 3 de 4.
/// </code>
/// </remarks>
public sealed class WorkedScoresDatabase : IDisposable
{
    public const string EntityName = "Concejo de Prueba";

    private WorkedScoresDatabase()
    {
    }

    public SqliteTestDatabase Database { get; } = new();

    public static async Task<WorkedScoresDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var worked = new WorkedScoresDatabase();
        await DatabaseInitializer.InitializeAsync(worked.Database, seedFile: null, cancellationToken);
        await using var db = await worked.Database.CreateDbContextAsync(cancellationToken);

        var open = new Component("Gobierno Abierto", 1);
        var security = new Component("Seguridad", 2);
        var transparencia = new Category("Transparencia", "Transparencia", CategoryKind.Proceso, open, 1);
        var colaboracion = new Category("Colaboración", "Colaboración", CategoryKind.Proceso, open, 2, weight: 2m);
        var plan = new Category("Plan de seguridad", "Plan", CategoryKind.Proceso, security, 1);
        var monitoreo = new Category("Monitoreo", "Monitoreo", CategoryKind.Proceso, security, 2, retiredFromVigencia: 2024);
        var innovacion = new Category("Innovación", "Innovación", CategoryKind.Resultado, security, 3, firstVigencia: 2024);

        var m2023 = new Measurement(2023, new DateOnly(2024, 5, 20), MeasurementSource.Autodiagnostico, null);
        m2023.SetScore(transparencia, Score.Measured(40m), "Portal en construcción");
        m2023.SetScore(colaboracion, Score.Measured(70m));
        m2023.SetScore(plan, Score.NotApplicable);
        var m2024 = new Measurement(2024, new DateOnly(2025, 4, 30), MeasurementSource.ResultadoOficialFurag, 61.2m);
        m2024.SetScore(transparencia, Score.Measured(55.4m));
        m2024.SetScore(colaboracion, Score.Measured(80m));
        m2024.SetScore(plan, Score.Measured(60m));
        m2024.SetScore(innovacion, Score.NotMeasured);

        db.Entities.Add(new PublicEntity(EntityName, "900.000.000-1"));
        db.Components.AddRange(open, security);
        db.Categories.AddRange(transparencia, colaboracion, plan, monitoreo, innovacion);
        db.Measurements.AddRange(m2023, m2024);
        await db.SaveChangesAsync(cancellationToken);
        db.Targets.AddRange(
            new Target(transparencia.Id, 2023, 80m),
            new Target(plan.Id, 2024, 75m),
            new Target(colaboracion.Id, 2025, 90m));
        await db.SaveChangesAsync(cancellationToken);
        return worked;
    }

    public async Task<ScoringSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var db = await Database.CreateDbContextAsync(cancellationToken);
        return await ScoringSnapshot.LoadAsync(db, cancellationToken);
    }

    /// <summary>Adds a category to "Gobierno Abierto" with a score in 2023, as an editor would through the domain.</summary>
    public async Task AddScoredCategoryAsync(string name, Score score, string? observation, CancellationToken cancellationToken)
    {
        await using var db = await Database.CreateDbContextAsync(cancellationToken);
        var component = await db.Components.Include(c => c.Categories).SingleAsync(c => c.Name == "Gobierno Abierto", cancellationToken);
        var category = new Category(name, "Añadida", CategoryKind.Proceso, component, component.Categories.Count + 1);
        db.Categories.Add(category);
        var measurement = await db.Measurements.Include(m => m.Scores).SingleAsync(m => m.Vigencia == 2023, cancellationToken);
        measurement.SetScore(category, score, observation);
        measurement.Touch();
        await db.SaveChangesAsync(cancellationToken);
    }

    public void Dispose() => Database.Dispose();
}

/// <summary>A test class whose every test gets a <see cref="WorkedScoresDatabase"/> of its own (xunit makes a new instance per test).</summary>
public abstract class WorkedScoresTestBase : IAsyncLifetime
{
    protected WorkedScoresDatabase Worked { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Worked = await WorkedScoresDatabase.CreateAsync(Ct);

    public ValueTask DisposeAsync()
    {
        Worked.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
