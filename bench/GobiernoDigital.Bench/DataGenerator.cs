using GobiernoDigital.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Bench;

/// <summary>
/// Grows the seeded bench database (17 categories, vigencia 2023) with generated categories, vigencias, scores and
/// metas. Deterministic (fixed random seed), so two runs measure the same data. Only ever writes to a
/// <see cref="BenchDirectory"/> database.
/// </summary>
public static class DataGenerator
{
    /// <summary>The seed's only measured vigencia.</summary>
    public const int SeedVigencia = 2023;

    /// <summary>
    /// Adds a measurement for <paramref name="vigencia"/> with every category's 2023 score moved by
    /// <paramref name="shift"/> points (kept within 0–100), so that its Porcentaje de Cumplimiento differs from 2023's.
    /// </summary>
    public static async Task AddShiftedVigenciaAsync(BenchDirectory folder, int vigencia, decimal shift, CancellationToken cancellationToken)
    {
        await using var db = folder.CreateDbContext();
        var source = await db.Measurements.Include(m => m.Scores).ThenInclude(s => s.Category).SingleAsync(m => m.Vigencia == SeedVigencia, cancellationToken);
        var measurement = new Measurement(vigencia, new DateOnly(vigencia + 1, 5, 15), MeasurementSource.Autodiagnostico, null);
        foreach (var score in source.Scores)
        {
            var shifted = score.Score.Value is { } value ? Score.Measured(Math.Clamp(value + shift, Score.Min, Score.Max)) : score.Score;
            measurement.SetScore(score.Category, shifted);
        }

        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Brings the catalog to <paramref name="categories"/> categories (new ones spread over the four seed components)
    /// and the history to <paramref name="vigencias"/> measured vigencias (2023 and the years before it, from 2000,
    /// then after it), every category scored in every vigencia (a few <em>No aplica</em> or <em>Sin medición</em>),
    /// with a meta per category and vigencia.
    /// </summary>
    public static async Task GrowAsync(BenchDirectory folder, int categories, int vigencias, CancellationToken cancellationToken)
    {
        var random = new Random(20231231);
        await using var db = folder.CreateDbContext();
        var components = await db.Components.OrderBy(c => c.DisplayOrder).ToListAsync(cancellationToken);
        var catalog = await db.Categories.OrderBy(c => c.Id).ToListAsync(cancellationToken);
        for (var i = catalog.Count; i < categories; i++)
        {
            var component = components[i % components.Count];
            catalog.Add(new Category($"Categoría generada {i + 1:000}", $"Generada {i + 1:000}", CategoryKind.Proceso, component, 100 + i));
        }

        var added = catalog.Where(c => c.Id == 0).ToHashSet();
        db.Categories.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        var years = Enumerable.Range(Measurement.MinVigencia, SeedVigencia - Measurement.MinVigencia + 1).Reverse()
            .Concat(Enumerable.Range(SeedVigencia + 1, 50))
            .Take(vigencias)
            .ToList();
        var existing = await db.Measurements.Include(m => m.Scores).ToListAsync(cancellationToken);
        foreach (var year in years)
        {
            var measurement = existing.FirstOrDefault(m => m.Vigencia == year);
            if (measurement is null)
            {
                measurement = new Measurement(year, new DateOnly(year + 1, 5, 15), MeasurementSource.Autodiagnostico, null);
                db.Measurements.Add(measurement);
            }

            foreach (var category in catalog.Where(c => year != SeedVigencia || added.Contains(c)))
            {
                measurement.SetScore(category, RandomScore(random));
            }

            db.Targets.AddRange(catalog.Select(c => new Target(c.Id, year, 60 + random.Next(0, 41))));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Score RandomScore(Random random) => random.Next(0, 40) switch
    {
        0 => Score.NotApplicable,
        1 => Score.NotMeasured,
        _ => Score.Measured(random.Next(0, 1001) / 10m),
    };
}
