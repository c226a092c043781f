using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Seeding;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// The expected values come from the source document (TiPl03Source, typed from plan-de-mejoramiento-TI.PL03.txt),
// never from the JSON file under test.
public sealed class SeedLoaderTests
{
    private static readonly Lazy<SeedData> Seed = new(() => SeedLoader.Load(SeedFiles.Real));

    public static TheoryData<int, string, string, string, CategoryKind, decimal?> CategoryRows()
    {
        var data = new TheoryData<int, string, string, string, CategoryKind, decimal?>();
        foreach (var c in TiPl03Source.Categories)
        {
            data.Add(c.Order, c.Name, c.NameInPlan, c.Component, c.Kind, c.ScoreValue);
        }

        return data;
    }

    public static TheoryData<int> FindingIndexes() => new(Enumerable.Range(0, TiPl03Source.Findings.Count));

    [Fact]
    public void Load_RealFile_HasTheSeventeenCategoriesInDocumentOrder()
    {
        Assert.Equal(TiPl03Source.Categories.Select(c => c.Name), Seed.Value.Categories.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(1, 17), Seed.Value.Categories.Select(c => c.DisplayOrder));
    }

    [Theory]
    [MemberData(nameof(CategoryRows))]
    public void Load_RealFile_CategoryHasItsComponentKindAndScore(int order, string name, string nameInPlan, string component, CategoryKind kind, decimal? score)
    {
        var category = Seed.Value.Categories[order - 1];
        var measured = Seed.Value.Measurements.Single().Scores.Single(s => ReferenceEquals(s.Category, category)).Score;

        Assert.Equal(name, category.Name);
        Assert.Equal(nameInPlan, category.NameInPlan);
        Assert.Equal(component, category.Component.Name);
        Assert.Equal(kind, category.Kind);
        Assert.Equal(1m, category.Weight);
        Assert.True(category.ShortLabel.Length is > 0 and <= Category.ShortLabelMaxLength);
        // An empty PUNTAJE cell is «sin medición», never a 0.
        Assert.Equal(score is { } value ? Score.Measured(value) : Score.NotMeasured, measured);
    }

    [Fact]
    public void Load_RealFile_GobiernoDeTiIsSinMedicionNotZero()
    {
        var scores = Seed.Value.Measurements.Single().Scores;
        var gobiernoDeTi = scores.Single(s => s.Category.Name == "Gobierno de TI").Score;

        Assert.Equal(Score.NotMeasured, gobiernoDeTi);
        Assert.NotEqual(Score.Measured(0m), gobiernoDeTi);
        Assert.Null(gobiernoDeTi.Value);
        // Of the 17, only that one is not measured, and the 16 others add up to 640.
        Assert.Equal(16, scores.Count(s => s.Score.IsMeasured));
        Assert.Equal(640m, scores.Sum(s => s.Score.Value ?? 0m));
    }

    [Fact]
    public void Load_RealFile_FourComponentsInOrder_ListingTheirCategories()
    {
        var components = Seed.Value.Components;

        Assert.Equal(TiPl03Source.Components, components.Select(c => c.Name));
        Assert.Equal([1, 2, 3, 4], components.Select(c => c.DisplayOrder));
        foreach (var component in components)
        {
            Assert.Equal(
                TiPl03Source.Categories.Where(c => c.Component == component.Name).Select(c => c.Name),
                component.Categories.Select(c => c.Name));
        }
    }

    [Fact]
    public void Load_RealFile_OneMeasurementOfVigencia2023FromTheOfficialResult()
    {
        var measurement = Assert.Single(Seed.Value.Measurements);

        Assert.Equal(2023, measurement.Vigencia);
        Assert.Equal(MeasurementSource.ResultadoOficialFurag, measurement.Source);
        // The document gives neither the date of the results nor the official index: nothing is invented.
        Assert.Null(measurement.Date);
        Assert.Null(measurement.OfficialIndex);
        Assert.Equal(17, measurement.Scores.Count);
    }

    [Fact]
    public void Load_RealFile_EntityIsConcejoDeCartago()
    {
        Assert.Equal("Concejo Municipal de Cartago", Seed.Value.Entity.Name);
        Assert.Equal("900.215.967-5", Seed.Value.Entity.Nit);
    }

    [Fact]
    public void Load_RealFile_PlanHeaderAsInTheDocument()
    {
        var plan = Seed.Value.Plan;

        Assert.NotNull(plan);
        Assert.Equal("PLAN DE MEJORAMIENTO DE LA POLITICA SEGURIDAD DIGITAL", plan.Title);
        Assert.Equal("TI.PL03", plan.Code);
        Assert.Equal(1, plan.Version);
        Assert.Equal(new DateOnly(2024, 5, 21), plan.ApprovedOn);
        Assert.Equal(2023, plan.MeasuredVigencia);
        Assert.Equal("Martha Cecilia Saldaña S", plan.PreparedBy);
        Assert.Equal("Asesora Externa", plan.PreparedByRole);
        Assert.Equal(new DateOnly(2024, 10, 30), plan.PreparedOn);
        Assert.Equal("Comité Institucional de Gestión y Desempeño", plan.ApprovedBy);
        Assert.Equal("Acta No. 05 de 2024", plan.ApprovalAct);
    }

    [Theory]
    [InlineData("Componente TIC para Gobierno abierto", 2)]
    [InlineData("Servicios centrados en el usuario", 4)]
    [InlineData("Trámites y servicios en línea", 2)]
    [InlineData("Estrategia de TI", 1)] // its continuation row is a second block of alternatives, not a finding
    [InlineData("Transparencia", 1)]
    [InlineData("Gobierno de TI", 1)]
    [InlineData("Seguridad y Privacidad de la Información", 1)]
    public void Load_RealFile_FindingsPerCategory(string category, int expected)
    {
        Assert.Equal(expected, Plan().Findings.Count(f => f.Category.Name == category));
    }

    [Fact]
    public void Load_RealFile_TwentyTwoFindings_OneForEachOtherCategory()
    {
        var findings = Plan().Findings;
        string[] several = ["Componente TIC para Gobierno abierto", "Servicios centrados en el usuario", "Trámites y servicios en línea"];

        Assert.Equal(22, findings.Count);
        Assert.All(
            TiPl03Source.Categories.Where(c => !several.Contains(c.Name)),
            c => Assert.Single(findings, f => f.Category.Name == c.Name));
        Assert.Equal(Enumerable.Range(1, 22), findings.Select(f => f.DisplayOrder));
    }

    [Theory]
    [MemberData(nameof(FindingIndexes))]
    public void Load_RealFile_FindingMatchesItsRowInTheDocument(int index)
    {
        var expected = TiPl03Source.Findings[index];
        var finding = Plan().Findings[index];

        Assert.Equal(expected.Category, finding.Category.Name);
        Assert.Equal(expected.RowScore, finding.RowScore);
        Assert.Equal(expected.Alternatives, finding.Alternatives.Count);
        Assert.Equal(expected.Improvements, finding.Improvements.Count);
        Assert.Equal(expected.NotApplicable, finding.ImprovementsNotApplicable);
        Assert.Equal(expected.EffectivenessNote, finding.EffectivenessNote);
        if (expected.HasDeadline)
        {
            Assert.Equal(new DateRange(TiPl03Source.DeadlineStart, TiPl03Source.DeadlineEnd), finding.Deadline);
        }
        else
        {
            Assert.Null(finding.Deadline);
            Assert.Null(finding.DeadlineStart);
            Assert.Null(finding.DeadlineEnd);
        }
    }

    [Fact]
    public void Load_RealFile_NoAplicaFindingsHaveNoImprovementsAndNoDeadline()
    {
        var notApplicable = Plan().Findings.Where(f => f.ImprovementsNotApplicable).ToList();

        // Servicios centrados en el usuario (first row), Trámites y servicios en línea (both rows), TIC para Servicios.
        Assert.Equal(
            ["Servicios centrados en el usuario", "Trámites y servicios en línea", "Trámites y servicios en línea", "TIC para Servicios"],
            notApplicable.Select(f => f.Category.Name));
        Assert.All(notApplicable, f =>
        {
            Assert.Empty(f.Improvements);
            Assert.Null(f.Deadline);
            Assert.Equal("NO APLICA", f.EffectivenessNote);
            // «NO APLICA» is not a score of 0: the row keeps its own score.
            Assert.Equal(0m, f.RowScore);
        });
    }

    [Fact]
    public void Load_RealFile_TransparenciaAlternativesParagraph()
    {
        var transparencia = Finding("Transparencia");

        // Second <p> of the DISEÑO ALTERNATIVAS DE MEJORA cell, copied from the document.
        Assert.Equal(
            "1. Fortalecimiento de la Transparencia Activa Descripción: Aumentar la cantidad y calidad de la información que el Concejo Municipal publica de manera proactiva en su sitio web. Acciones: Publicar de manera regular y oportuna todos los documentos relevantes, incluyendo actas de sesiones, presupuestos, planes de desarrollo, y contrataciones. Establecer un calendario de publicaciones para garantizar que la información esté actualizada y disponible en todo momento. Mejorar la usabilidad del sitio web para que la información sea fácil de encontrar y comprender por parte de los ciudadanos.",
            transparencia.Alternatives[1]);
        Assert.StartsWith("Para mejorar los indicadores de proceso relacionados con la transparencia", transparencia.Alternatives[0]);
        Assert.StartsWith("1) Implementación de un Portal de Transparencia", transparencia.Improvements[0]);
        Assert.StartsWith("2) Capacitación Continua en Buenas Prácticas", transparencia.Improvements[2]);
    }

    [Fact]
    public void Load_RealFile_InformacionImprovementsParagraph()
    {
        // Second <p> of the MEJORAS PARA IMPLEMENTAR cell, copied from the document.
        Assert.Equal(
            "Desarrollar un protocolo de actualización regular de la información, con responsables claros y plazos definidos para mantener los datos al día.",
            Finding("Información").Improvements[1]);
    }

    [Fact]
    public void Load_RealFile_EffectivenessColumnIsLiteral()
    {
        Assert.Equal("Porcentaje de Cumplimiento de Gobierno Digital", Finding("Transparencia").EffectivenessNote);
        Assert.Null(Finding("Información").EffectivenessNote);
    }

    [Fact]
    public void Load_RealFile_DeadlineEndingALongerParagraphIsCutOff()
    {
        // The cells end with "… de los datos. Fecha: (01/08/2024 al 31/12/2027)" and "… en tiempo real. Fecha: (…)".
        Assert.Equal(
            "Asignación de Responsabilidades: Asignar roles específicos dentro de la entidad para asegurar que se cumpla con el cronograma de publicación y actualización de los datos.",
            Finding("Componente TIC para Gobierno abierto").Improvements[^1]);
        Assert.EndsWith("para resolver dudas y problemas en tiempo real.", Finding("Uso y Apropiación").Improvements.Single());
    }

    [Fact]
    public void Load_RealFile_CellWithoutParagraphTagsIsOneParagraph()
    {
        Assert.Equal(
            "El Concejo de Cartago debe priorizar la creación de un plan de acción para la gestión de datos abiertos, que incluya la identificación de datos estratégicos, la asignación de responsabilidades, la capacitación del personal y la implementación de tecnologías que faciliten la publicación de datos de manera accesible y reutilizable.",
            Finding("Componente TIC para Gobierno abierto").Alternatives.Single());
        // Texts are kept as written, errata included ("50 %", lower-case start).
        Assert.Equal(
            "cargar en el SUIT el 50 % faltante de trámites y servicios",
            Plan().Findings.Where(f => f.Category.Name == "Trámites y servicios en línea").ElementAt(1).Alternatives.Single());
    }

    [Fact]
    public void Load_RealFile_EstrategiaDeTiContinuationRowIsItsLastAlternative()
    {
        var estrategia = Finding("Estrategia de TI");

        Assert.EndsWith("A continuación, se detallan las acciones de mejora:", estrategia.Alternatives[0]);
        Assert.StartsWith("1. Revisión y Actualización del Plan Estratégico de Tecnologías de Información (PETI) Descripción:", estrategia.Alternatives[1]);
        Assert.EndsWith("las necesidades transversales de la Corporación.", estrategia.Alternatives[1]);
    }

    [Fact]
    public void Load_RealFile_NoParagraphKeepsMarkupOrDeadlineOrSpaces()
    {
        var paragraphs = Plan().Findings.SelectMany(f => f.Alternatives.Concat(f.Improvements)).ToList();

        Assert.NotEmpty(paragraphs);
        Assert.All(paragraphs, p =>
        {
            Assert.DoesNotContain("<p", p, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("</p>", p, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Fecha: (", p, StringComparison.Ordinal);
            Assert.NotEqual(string.Empty, p);
            Assert.Equal(p.Trim(), p);
        });
    }

    [Fact]
    public void Build_UnknownCategoryInAScore_ThrowsInvalidDataExceptionNamingIt()
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var measurement = document.Measurements[0];
        var changed = document with
        {
            Measurements = [measurement with { Scores = [.. measurement.Scores, new SeedScore("Gobernanza de datos", 50m, null)] }],
        };

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Build(changed));
        Assert.Contains("«Gobernanza de datos»", exception.Message);
    }

    [Fact]
    public void Build_UnknownCategoryInAFinding_ThrowsInvalidDataExceptionNamingIt()
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var plan = document.Plan!;
        var changed = document with
        {
            Plan = plan with { Findings = [.. plan.Findings, plan.Findings[0] with { Category = "Transparencia activa" }] },
        };

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Build(changed));
        Assert.Contains("«Transparencia activa»", exception.Message);
    }

    [Fact]
    public void Load_FileWithUnknownCategory_ThrowsInvalidDataExceptionNamingFileAndCategory()
    {
        using var file = SeedFiles.Variant(SeedFiles.UnknownCategoryInScores);

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Load(file.Path));
        Assert.Contains(Path.GetFileName(file.Path), exception.Message);
        Assert.Contains("«Categoría inventada»", exception.Message);
    }

    [Theory]
    [InlineData("entidad")]
    [InlineData("alternativas")]
    [InlineData("plazo-inicio")]
    public void Load_FileMissingARequiredKey_ThrowsInvalidDataExceptionInsteadOfCrashing(string key)
    {
        using var file = SeedFiles.Variant(root =>
        {
            switch (key)
            {
                case "entidad":
                    root.Remove("entidad");
                    break;
                case "alternativas":
                    root["plan"]!["hallazgos"]![0]!.AsObject().Remove("alternativas");
                    break;
                default:
                    root["plan"]!["hallazgos"]![0]!["plazo"]!.AsObject().Remove("inicio");
                    break;
            }
        });

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Load(file.Path));
        Assert.Contains(Path.GetFileName(file.Path), exception.Message);
    }

    [Theory]
    [InlineData("Otro")]
    [InlineData("proceso")]
    [InlineData("1")] // a number is not one of the documented names
    public void Build_UnknownCategoryKind_ThrowsInvalidDataException(string kind)
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var component = document.Components[0];
        var changed = document with
        {
            Components = [component with { Categories = [component.Categories[0] with { Kind = kind }, .. component.Categories.Skip(1)] }, .. document.Components.Skip(1)],
        };

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Build(changed));
        Assert.Contains($"«{kind}»", exception.Message);
    }

    [Theory]
    [InlineData("Furag")]
    [InlineData("7")]
    public void Build_UnknownMeasurementSource_ThrowsInvalidDataException(string source)
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var changed = document with { Measurements = [document.Measurements[0] with { Source = source }] };

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Build(changed));
        Assert.Contains($"«{source}»", exception.Message);
    }

    [Theory]
    [InlineData("NoAplica", 40.0)] // NoAplica and SinMedicion carry no value…
    [InlineData("SinMedicion", 0.0)]
    [InlineData("Medido", null)] // …and Medido needs one
    [InlineData(null, null)]
    [InlineData("Pendiente", 40.0)]
    public void Build_InvalidScoreEntry_ThrowsInvalidDataExceptionNamingTheCategory(string? status, double? value)
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var measurement = document.Measurements[0];
        var changed = document with
        {
            Measurements = [measurement with { Scores = [new SeedScore("Transparencia", (decimal?)value, status), .. measurement.Scores.Skip(1)] }],
        };

        var exception = Assert.Throws<InvalidDataException>(() => SeedLoader.Build(changed));
        Assert.Contains("«Transparencia»", exception.Message);
    }

    [Fact]
    public void Build_ScoreOutOfRange_ThrowsDomainException()
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real);
        var measurement = document.Measurements[0];
        var changed = document with
        {
            Measurements = [measurement with { Scores = [new SeedScore("Transparencia", 140m, null), .. measurement.Scores.Skip(1)] }],
        };

        Assert.Throws<DomainException>(() => SeedLoader.Build(changed));
    }

    [Fact]
    public void Build_UnsupportedFormat_ThrowsInvalidDataException()
    {
        var document = SeedLoader.ReadDocument(SeedFiles.Real) with { Format = 2 };

        Assert.Throws<InvalidDataException>(() => SeedLoader.Build(document));
    }

    private static ImprovementPlan Plan() => Seed.Value.Plan ?? throw new InvalidOperationException("The seed has no plan.");

    private static Finding Finding(string category) => Plan().Findings.First(f => f.Category.Name == category);
}
