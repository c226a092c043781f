using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Seeding;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// Every expected figure below is worked out by hand from the PUNTAJE column of TI.PL03 (see TiPl03Source) or from
// the small tables written in the test; none was copied from the calculator's output.
public sealed class ComplianceCalculatorTests
{
    private const string ComponentA = "Componente A";
    private const string ComponentB = "Componente B";

    // ---- The worked example of DOMAIN.md -------------------------------------------------------------------------

    [CulturedFact(["es-CO"])]
    public void Build_Seed2023AllWeightsOne_Is40PercentWith16Of17Measured()
    {
        var report = ComplianceCalculator.Build(Seed2023());

        // 40+0+20 + 0+0+0 + 0+70+0+60+90+100+60 + 75+75+50 = 640 over the 16 measured categories (Gobierno de TI has no score).
        Assert.Equal(640m / 16m, report.Percentage);
        Assert.Equal("40,0 %", EsCo.Percent(report.Percentage!.Value));
        Assert.Equal(new Coverage(Measured: 16, NotApplicable: 0, NotMeasured: 1), report.Coverage);
        Assert.Equal("16 de 17 categorías medidas", report.Coverage.Text);
        Assert.Equal("1 sin medición", report.Coverage.Detail);
        Assert.Equal(2023, report.Vigencia);
        Assert.Equal(17, report.Categories.Count);
    }

    [CulturedFact(["es-CO"])]
    public void Build_SeedFileVigencia2023_Is40Percent()
    {
        // The same example, fed from data/ through the seed loader instead of the hand-typed table.
        var seed = SeedLoader.Load(SeedFiles.Real);
        var measurement = seed.Measurements.Single(m => m.Vigencia == 2023);
        var input = new VigenciaInput(2023, seed.Categories
            .Select(c => new CategoryInput(
                c.DisplayOrder, c.Name, c.ShortLabel, c.Kind, c.Component.DisplayOrder, c.Component.Name, c.Weight,
                measurement.Scores.Single(s => ReferenceEquals(s.Category, c)).Score))
            .ToList());

        var report = ComplianceCalculator.Build(input);

        Assert.Equal(40m, report.Percentage);
        Assert.Equal("40,0 %", EsCo.Percent(report.Percentage!.Value));
        Assert.Equal("16 de 17 categorías medidas", report.Coverage.Text);
        Assert.Equal("1 sin medición", report.Coverage.Detail);
    }

    // ---- Weights and exclusions ----------------------------------------------------------------------------------

    // Rows: "score*weight; …", NA = no aplica, SM = sin medición.
    [Theory]
    [InlineData("40*1", 40.0)]
    [InlineData("80*1; 40*3", 50.0)] // (80 + 120) / 4
    [InlineData("100*2; 0*1; 50*1", 62.5)] // (200 + 0 + 50) / 4
    [InlineData("60*0.5; 90*1", 80.0)] // (30 + 90) / 1,5
    [InlineData("80*1; NA*1; 40*1", 60.0)] // NA left out: 120 / 2 (as a 0 it would be 40)
    [InlineData("100*1; SM*5; 50*1", 75.0)] // SM left out whatever its weight: 150 / 2 (as a 0 it would be 150 / 7)
    [InlineData("0*1; NA*1; SM*1", 0.0)] // a measured 0 counts: the mean is 0, not null
    public void Percentage_Table_IsSumOfWeightTimesScoreOverSumOfWeights(string rows, double expected)
    {
        Assert.Equal((decimal)expected, ComplianceCalculator.Percentage(Rows(rows)));
    }

    [Theory]
    [InlineData("NA*1")]
    [InlineData("SM*1")]
    [InlineData("NA*1; SM*2; NA*3")]
    [InlineData("")]
    public void Percentage_NothingMeasured_IsNull(string rows)
    {
        Assert.Null(ComplianceCalculator.Percentage(Rows(rows)));
    }

    [CulturedFact(["es-CO"])]
    public void Build_WeightTwoOnCapacidadesInstitucionales_ChangesTheMeanByHand()
    {
        var report = ComplianceCalculator.Build(Seed2023(c => c.Name == "Capacidades Institucionales" ? 2m : 1m));

        // Σw·s = 640 + 100 (the second unit of weight on a 100) = 740; Σw = 16 + 1 = 17 → 43,529…
        Assert.Equal(740m / 17m, report.Percentage);
        Assert.Equal("43,5 %", EsCo.Percent(report.Percentage!.Value));
        // TIC para la Gestión: (380 + 100) / (7 + 1) = 60.
        Assert.Equal(60m, Component(report, TiPl03Source.Gestion).Mean);
    }

    [Fact]
    public void Build_WeightOnTheUnmeasuredCategory_DoesNotChangeTheMean()
    {
        // Gobierno de TI has no score, so its weight is in neither sum.
        var report = ComplianceCalculator.Build(Seed2023(c => c.Name == "Gobierno de TI" ? 5m : 1m));

        Assert.Equal(40m, report.Percentage);
    }

    [Fact]
    public void Build_NoAplicaAndSinMedicion_AreLeftOutOfBothSums()
    {
        var input = new VigenciaInput(2023,
        [
            Input(1, "A1", 1, ComponentA, Score.Measured(80m)),
            Input(2, "A2", 1, ComponentA, Score.NotApplicable),
            Input(3, "B1", 2, ComponentB, Score.Measured(40m)),
            Input(4, "B2", 2, ComponentB, Score.NotMeasured),
        ]);

        var report = ComplianceCalculator.Build(input);

        // (80 + 40) / 2 = 60; with the two absences as zeros it would be 120 / 4 = 30.
        Assert.Equal(60m, report.Percentage);
        Assert.Equal(80m, Component(report, ComponentA).Mean);
        Assert.Equal(40m, Component(report, ComponentB).Mean);
        Assert.Equal("1 no aplica · 1 sin medición", report.Coverage.Detail);
        Assert.Equal("1 de 2 categorías medidas", Component(report, ComponentA).Coverage.Text);
        Assert.Equal("1 no aplica", Component(report, ComponentA).Coverage.Detail);
    }

    [Fact]
    public void Build_AllCategoriesExcluded_PercentageAndComponentMeansAreNull()
    {
        var input = new VigenciaInput(2024,
        [
            Input(1, "A1", 1, ComponentA, Score.NotApplicable),
            Input(2, "A2", 1, ComponentA, Score.NotApplicable),
            Input(3, "B1", 2, ComponentB, Score.NotMeasured),
        ]);

        var report = ComplianceCalculator.Build(input);

        Assert.Null(report.Percentage);
        Assert.All(report.Components, c => Assert.Null(c.Mean));
        Assert.All(report.Categories, c =>
        {
            Assert.Null(c.Gap);
            Assert.Null(c.PointsToGain);
        });
        Assert.Empty(report.Priorities);
        Assert.Equal("0 de 3 categorías medidas", report.Coverage.Text);
        Assert.Equal("2 no aplica · 1 sin medición", report.Coverage.Detail);
    }

    // ---- Rounding for display -------------------------------------------------------------------------------------

    [CulturedFact(["es-CO"])]
    public void Build_FiftyZeroZero_KeepsFullPrecisionAndShows16Comma7()
    {
        var input = new VigenciaInput(2023,
        [
            Input(1, "A1", 1, ComponentA, Score.Measured(50m)),
            Input(2, "A2", 1, ComponentA, Score.Measured(0m)),
            Input(3, "A3", 1, ComponentA, Score.Measured(0m)),
        ]);

        var report = ComplianceCalculator.Build(input);

        // 50 / 3 = 16,666…: not rounded by the calculator, rounded half away from zero when shown.
        Assert.Equal(50m / 3m, report.Percentage);
        Assert.NotEqual(16.7m, report.Percentage);
        Assert.Equal("16,7 %", EsCo.Percent(report.Percentage!.Value));
    }

    // ---- Component means of the seed ------------------------------------------------------------------------------

    [CulturedTheory(["es-CO"])]
    [InlineData(TiPl03Source.GobiernoAbierto, 60, 3, 3, "20,0")] // (40 + 0 + 20) / 3 = 20
    [InlineData(TiPl03Source.Servicios, 0, 3, 3, "0,0")] // (0 + 0 + 0) / 3 = 0
    [InlineData(TiPl03Source.Gestion, 380, 7, 8, "54,3")] // (0 + 70 + 0 + 60 + 90 + 100 + 60) / 7, Gobierno de TI sin medición
    [InlineData(TiPl03Source.Seguridad, 200, 3, 3, "66,7")] // (75 + 75 + 50) / 3
    public void Build_Seed2023_ComponentMeanIsMeanOfItsMeasuredCategories(string component, int sum, int measured, int total, string shown)
    {
        var result = Component(ComplianceCalculator.Build(Seed2023()), component);

        Assert.Equal((decimal)sum / measured, result.Mean);
        Assert.Equal(shown, EsCo.Number(result.Mean!.Value));
        Assert.Equal(measured, result.Coverage.Measured);
        Assert.Equal(total, result.Coverage.Total);
        Assert.Equal(total, result.Categories.Count);
    }

    [Fact]
    public void Build_Seed2023_ComponentsInCatalogOrder()
    {
        var report = ComplianceCalculator.Build(Seed2023());

        Assert.Equal(TiPl03Source.Components, report.Components.Select(c => c.Name));
        Assert.Equal("7 de 8 categorías medidas", Component(report, TiPl03Source.Gestion).Coverage.Text);
    }

    // ---- Gap and points to gain ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(40, 100, 60)]
    [InlineData(0, 100, 100)]
    [InlineData(45.5, 100, 54.5)]
    [InlineData(75, 80, 5)]
    [InlineData(80, 80, 0)]
    [InlineData(100, 80, 0)] // above the meta: the gap is 0, never negative
    [InlineData(90, 0, 0)]
    public void Gap_Measured_IsMetaMinusScoreNeverBelowZero(double score, double target, double expected)
    {
        Assert.Equal((decimal)expected, ComplianceCalculator.Gap(Score.Measured((decimal)score), (decimal)target));
    }

    [Fact]
    public void Gap_NotMeasuredOrNotApplicable_IsNull()
    {
        Assert.Null(ComplianceCalculator.Gap(Score.NotMeasured, 100m));
        Assert.Null(ComplianceCalculator.Gap(Score.NotApplicable, 100m));
    }

    // Points to gain = w · (100 − s) / Σw, Σw = 16 measured categories with weight 1.
    [Theory]
    [InlineData("Colaboración", 100.0, 6.25)] // 1 · 100 / 16
    [InlineData("Componente TIC para Gobierno abierto", 80.0, 5.0)] // 80 / 16
    [InlineData("Transparencia", 60.0, 3.75)] // 60 / 16
    [InlineData("Seguridad y Privacidad de la Información", 50.0, 3.125)] // 50 / 16
    [InlineData("Información", 30.0, 1.875)] // 30 / 16
    [InlineData("Uso y Apropiación", 10.0, 0.625)] // 10 / 16
    [InlineData("Capacidades Institucionales", 0.0, 0.0)] // already at 100
    [InlineData("Gobierno de TI", null, null)] // sin medición: no gap, nothing to gain
    public void Build_Seed2023_GapAndPointsToGainByHand(string category, double? gap, double? points)
    {
        var result = Category(ComplianceCalculator.Build(Seed2023()), category);

        Assert.Equal((decimal?)gap, result.Gap);
        Assert.Equal((decimal?)points, result.PointsToGain);
    }

    [Fact]
    public void Build_Seed2023_PointsToGainAddUpToWhatIsMissingTo100()
    {
        var report = ComplianceCalculator.Build(Seed2023());

        // With every meta at 100, Σ w·(100 − s) / Σw = 100 − P = 60.
        Assert.Equal(60m, report.Categories.Sum(c => c.PointsToGain ?? 0m));
    }

    [Fact]
    public void Build_WeightTwoOnColaboracion_PointsToGainUseTheWeights()
    {
        var report = ComplianceCalculator.Build(Seed2023(c => c.Name == "Colaboración" ? 2m : 1m));

        // Σw = 17: Colaboración 2 · 100 / 17, Transparencia 1 · 60 / 17.
        Assert.Equal(200m / 17m, Category(report, "Colaboración").PointsToGain);
        Assert.Equal(60m / 17m, Category(report, "Transparencia").PointsToGain);
    }

    [Fact]
    public void Build_EditedMeta_GapAndPointsUseIt()
    {
        var report = ComplianceCalculator.Build(Seed2023(target: c => c.Name switch
        {
            "Transparencia" => 80m,
            "Uso y Apropiación" => 85m,
            _ => Target.Default,
        }));

        // Transparencia: 80 − 40 = 40 → 40 / 16 = 2,5. Uso y Apropiación: 90 is above its meta of 85 → 0.
        Assert.Equal(40m, Category(report, "Transparencia").Gap);
        Assert.Equal(2.5m, Category(report, "Transparencia").PointsToGain);
        Assert.Equal(0m, Category(report, "Uso y Apropiación").Gap);
        Assert.Equal(0m, Category(report, "Uso y Apropiación").PointsToGain);
        // The meta does not change the percentage itself.
        Assert.Equal(40m, report.Percentage);
    }

    [Fact]
    public void Priorities_Seed2023_MostPointsToGainFirst_TiesInCatalogOrder()
    {
        var report = ComplianceCalculator.Build(Seed2023());

        string[] expected =
        [
            // gap 100 → 6,25 each, in catalog order
            "Colaboración",
            "Servicios centrados en el usuario",
            "Trámites y servicios en línea",
            "TIC para Servicios",
            "Estrategia de TI",
            "Sistemas de Información",
            "Componente TIC para Gobierno abierto", // 80 → 5
            "Transparencia", // 60 → 3,75
            "Seguridad y Privacidad de la Información", // 50 → 3,125
            "Servicios Tecnológicos", // 40 → 2,5
            "TIC para la Gestión", // 40 → 2,5
            "Información", // 30 → 1,875
            TiPl03Source.Marco, // 25 → 1,5625
            TiPl03Source.PlanSeguridad, // 25 → 1,5625
            "Uso y Apropiación", // 10 → 0,625
            // Capacidades Institucionales (at 100) and Gobierno de TI (sin medición) have nothing to gain.
        ];
        Assert.Equal(expected, report.Priorities.Select(p => p.Category.Name));
    }

    // ---- Change since the previous vigencia -------------------------------------------------------------------------

    [Fact]
    public void Change_BothMeasured_IsDifferenceInPoints()
    {
        Assert.Equal(10m, ComplianceCalculator.Change(Score.Measured(40m), Score.Measured(30m)));
        Assert.Equal(-25.5m, ComplianceCalculator.Change(Score.Measured(50m), Score.Measured(75.5m)));
        Assert.Equal(0m, ComplianceCalculator.Change(Score.Measured(0m), Score.Measured(0m)));
    }

    [Fact]
    public void Change_EitherSideNotMeasured_IsNull()
    {
        Assert.Null(ComplianceCalculator.Change(Score.Measured(40m), null));
        Assert.Null(ComplianceCalculator.Change(Score.Measured(40m), Score.NotApplicable));
        Assert.Null(ComplianceCalculator.Change(Score.Measured(40m), Score.NotMeasured));
        Assert.Null(ComplianceCalculator.Change(Score.NotMeasured, Score.Measured(30m)));
        Assert.Null(ComplianceCalculator.Change(Score.NotApplicable, Score.Measured(30m)));
    }

    [CulturedFact(["es-CO"])]
    public void Build_WithPreviousVigencia_ChangePerCategoryComponentAndOverall()
    {
        //            2022   2023
        // A1 (A)      30     40    +10
        // A2 (A)      NA     20    null (no aplica before)
        // B1 (B)      50     SM    null (sin medición now)
        // B2 (B)      80     90    +10
        // B3 (B)      --     60    null (new category, no previous score)
        var previous = new VigenciaInput(2022,
        [
            Input(1, "A1", 1, ComponentA, Score.Measured(30m)),
            Input(2, "A2", 1, ComponentA, Score.NotApplicable),
            Input(3, "B1", 2, ComponentB, Score.Measured(50m)),
            Input(4, "B2", 2, ComponentB, Score.Measured(80m)),
        ]);
        var current = new VigenciaInput(2023,
        [
            Input(1, "A1", 1, ComponentA, Score.Measured(40m)),
            Input(2, "A2", 1, ComponentA, Score.Measured(20m)),
            Input(3, "B1", 2, ComponentB, Score.NotMeasured),
            Input(4, "B2", 2, ComponentB, Score.Measured(90m)),
            Input(5, "B3", 2, ComponentB, Score.Measured(60m)),
        ]);

        var report = ComplianceCalculator.Build(current, previous);

        // 2023: (40 + 20 + 90 + 60) / 4 = 52,5. 2022: (30 + 50 + 80) / 3 = 53,333… Change: −0,833…
        Assert.Equal(2022, report.PreviousVigencia);
        Assert.Equal(52.5m, report.Percentage);
        Assert.Equal(160m / 3m, report.PreviousPercentage);
        Assert.Equal(52.5m - 160m / 3m, report.Change);
        Assert.Equal("\u22120,8", EsCo.SignedNumber(report.Change!.Value));

        Assert.Equal(10m, Category(report, "A1").Change);
        Assert.Equal(Score.Measured(30m), Category(report, "A1").PreviousScore);
        Assert.Null(Category(report, "A2").Change);
        Assert.Equal(Score.NotApplicable, Category(report, "A2").PreviousScore);
        Assert.Null(Category(report, "B1").Change);
        Assert.Equal(Score.Measured(50m), Category(report, "B1").PreviousScore);
        Assert.Equal(10m, Category(report, "B2").Change);
        Assert.Null(Category(report, "B3").Change);
        Assert.Null(Category(report, "B3").PreviousScore);

        // Component A: 2023 (40 + 20) / 2 = 30; 2022 30 / 1 = 30 → 0.
        var a = Component(report, ComponentA);
        Assert.Equal(30m, a.Mean);
        Assert.Equal(30m, a.PreviousMean);
        Assert.Equal(0m, a.Change);
        // Component B: 2023 (90 + 60) / 2 = 75; 2022 (50 + 80) / 2 = 65 → +10.
        var b = Component(report, ComponentB);
        Assert.Equal(75m, b.Mean);
        Assert.Equal(65m, b.PreviousMean);
        Assert.Equal(10m, b.Change);
    }

    [Fact]
    public void Build_PreviousVigenciaWithNothingMeasured_ChangeIsNull()
    {
        var previous = new VigenciaInput(2022, [Input(1, "A1", 1, ComponentA, Score.NotMeasured)]);
        var current = new VigenciaInput(2023, [Input(1, "A1", 1, ComponentA, Score.Measured(40m))]);

        var report = ComplianceCalculator.Build(current, previous);

        Assert.Equal(40m, report.Percentage);
        Assert.Null(report.PreviousPercentage);
        Assert.Null(report.Change);
        Assert.Null(Component(report, ComponentA).Change);
        Assert.Null(Category(report, "A1").Change);
    }

    [Fact]
    public void Build_WithoutPreviousVigencia_NoChangeAnywhere()
    {
        var report = ComplianceCalculator.Build(Seed2023());

        Assert.Null(report.PreviousVigencia);
        Assert.Null(report.PreviousPercentage);
        Assert.Null(report.Change);
        Assert.All(report.Components, c => Assert.Null(c.Change));
        Assert.All(report.Categories, c =>
        {
            Assert.Null(c.PreviousScore);
            Assert.Null(c.Change);
        });
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Build_PreviousVigenciaNotEarlier_ThrowsArgumentException(int previousVigencia)
    {
        var previous = new VigenciaInput(previousVigencia, [Input(1, "A1", 1, ComponentA, Score.Measured(30m))]);
        var current = new VigenciaInput(2023, [Input(1, "A1", 1, ComponentA, Score.Measured(40m))]);

        var exception = Assert.Throws<ArgumentException>(() => ComplianceCalculator.Build(current, previous));
        Assert.Equal("previous", exception.ParamName);
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------------

    /// <summary>Vigencia 2023 as TI.PL03 gives it; weights 1 and metas 100 unless told.</summary>
    [Fact]
    public void Build_DifferentCategoriesMeasured_NotComparableWithBothCoveragesAndTheChangeOverTheCommonOnes()
    {
        // 2024: A 60, B 80, C sin medición; 2025: A 70 only (a partial file). Common: A, 70 − 60 = +10.
        var previous = new VigenciaInput(2024, [Input(1, "A", 1, "G", Score.Measured(60m)), Input(2, "B", 1, "G", Score.Measured(80m)), Input(3, "C", 1, "G", Score.NotMeasured)]);
        var current = new VigenciaInput(2025, [Input(1, "A", 1, "G", Score.Measured(70m)), Input(2, "B", 1, "G", Score.NotMeasured), Input(3, "C", 1, "G", Score.NotMeasured)]);

        var report = ComplianceCalculator.Build(current, previous);

        Assert.False(report.IsComparable);
        Assert.Equal(0m, report.Change); // 70 − 70: the raw figure hides that B was not measured
        Assert.Equal(10m, report.Comparability!.CommonChange);
        Assert.Equal("No comparable: 2025 tiene 1 de 3 categorías medidas y 2024 2 de 3.", report.Comparability.Warning);
        Assert.Equal("Sobre la única categoría medida en ambas vigencias: +10,0 puntos.", report.Comparability.CommonText);
    }

    [Fact]
    public void Build_SameCountButOtherCategories_NotComparable()
    {
        var previous = new VigenciaInput(2024, [Input(1, "A", 1, "G", Score.Measured(60m)), Input(2, "B", 1, "G", Score.NotMeasured)]);
        var current = new VigenciaInput(2025, [Input(1, "A", 1, "G", Score.NotMeasured), Input(2, "B", 1, "G", Score.Measured(50m))]);

        var comparability = ComplianceCalculator.Build(current, previous).Comparability!;

        Assert.False(comparability.IsComparable);
        Assert.Equal("No comparable: 2025 y 2024 tienen 1 de 2 categorías medidas, pero no las mismas.", comparability.Warning);
        Assert.Equal("Ninguna categoría se midió en ambas vigencias.", comparability.CommonText);
    }

    [Fact]
    public void Build_SameCategoriesMeasured_ComparableWithoutWarning()
    {
        var previous = new VigenciaInput(2024, [Input(1, "A", 1, "G", Score.Measured(60m)), Input(2, "B", 1, "G", Score.NotApplicable)]);
        var current = new VigenciaInput(2025, [Input(1, "A", 1, "G", Score.Measured(65m)), Input(2, "B", 1, "G", Score.NotMeasured)]);

        var report = ComplianceCalculator.Build(current, previous);

        Assert.True(report.IsComparable);
        Assert.Null(report.Comparability!.Warning);
        Assert.Equal(5m, report.Change);
    }

    private static VigenciaInput Seed2023(Func<TiPl03Source.CategoryRow, decimal>? weight = null, Func<TiPl03Source.CategoryRow, decimal>? target = null) =>
        new(2023, TiPl03Source.Categories
            .Select(c => new CategoryInput(
                c.Order,
                c.Name,
                c.Name,
                c.Kind,
                TiPl03Source.Components.ToList().IndexOf(c.Component) + 1,
                c.Component,
                weight?.Invoke(c) ?? 1m,
                c.Score,
                target?.Invoke(c) ?? Target.Default))
            .ToList());

    private static CategoryInput Input(int id, string name, int componentId, string componentName, Score score, decimal weight = 1m) =>
        new(id, name, name, CategoryKind.Proceso, componentId, componentName, weight, score);

    private static ComponentResult Component(VigenciaReport report, string name) => report.Components.Single(c => c.Name == name);

    private static CategoryResult Category(VigenciaReport report, string name) => report.Categories.Single(c => c.Category.Name == name);

    /// <summary>"80*1; NA*2; SM*1" → (weight, score) pairs.</summary>
    private static List<CategoryInput> Rows(string rows) =>
        rows.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((row, i) =>
            {
                var parts = row.Split('*');
                var weight = decimal.Parse(parts[1], CultureInfo.InvariantCulture);
                var score = parts[0] switch
                {
                    "NA" => Score.NotApplicable,
                    "SM" => Score.NotMeasured,
                    var value => Score.Measured(decimal.Parse(value, CultureInfo.InvariantCulture)),
                };
                return Input(i + 1, $"C{i + 1}", 1, ComponentA, score, weight);
            })
            .ToList();
}
