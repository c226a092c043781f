using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Core;

// The analyzer over the real seed: 17 categories, vigencia 2023 measured (Transparencia 40, Gobierno de TI recorded as
// «Sin medición»), no metas set. Each test loads its own snapshot, so it may alter the catalog in memory.
public sealed class ImportAnalyzerTests(SeededTestDatabase seeded) : IClassFixture<SeededTestDatabase>
{
    [Fact]
    public async Task Analyze_ChangedScore_ListsItWithItsRowBeforeAndAfter()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", "Transparencia", "55,5")), data);

        Assert.Empty(preview.Errors);
        Assert.Equal(
            [new ImportChange(2, ImportChangeKind.ChangeScore, 2023, IdOf(data, "Transparencia"), "Transparencia", "40,0", "55,5", Score.Measured(55.5m))],
            preview.Changes);
        Assert.Equal(new ImportSummary(0, 0, 1, 0, 0, 0), preview.Summary);
        Assert.True(preview.CanCommit);
    }

    [Fact]
    public async Task Analyze_SameScores_CountsTheRowsUnchanged()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", "Transparencia", "40"), Row(3, "2023", "Gobierno de TI", "Sin medición"), Row(4, "2023", "Información", "70.0")), data);

        Assert.Empty(preview.Changes);
        Assert.Empty(preview.Errors);
        Assert.Equal(3, preview.UnchangedRows);
        Assert.False(preview.CanCommit);
    }

    [Fact]
    public async Task Analyze_NewVigencia_CreatesItsMeasurementOnceAndWarnsOfTheCategoriesLeftOut()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2024", "Transparencia", "50"), Row(3, "2024", "Colaboración", "No aplica")), data);

        Assert.Equal(
            [
                new ImportChange(2, ImportChangeKind.CreateMeasurement, 2024, null, null, ImportAnalyzer.NothingRecorded, "Medición de la vigencia 2024"),
                new ImportChange(2, ImportChangeKind.CreateScore, 2024, IdOf(data, "Transparencia"), "Transparencia", ImportAnalyzer.NothingRecorded, "50,0", Score.Measured(50m)),
                new ImportChange(3, ImportChangeKind.CreateScore, 2024, IdOf(data, "Colaboración"), "Colaboración", ImportAnalyzer.NothingRecorded, "No aplica", Score.NotApplicable),
            ],
            preview.Changes);
        Assert.Equal(2, preview.Warnings.Count);
        var warning = preview.Warnings[0];
        Assert.StartsWith("Las metas de cada vigencia nueva empiezan como las de la vigencia anterior", preview.Warnings[1], StringComparison.Ordinal);
        Assert.StartsWith("La vigencia 2024 es nueva y el archivo no trae 15 categorías que le aplican; quedarán «Sin medición»: «Componente TIC para Gobierno abierto», «Servicios centrados en el usuario»", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("«Transparencia»", warning, StringComparison.Ordinal);
        Assert.Equal(new ImportSummary(1, 2, 0, 0, 0, 0), preview.Summary);
        Assert.Equal([2024], preview.Vigencias);
    }

    [Fact]
    public async Task Analyze_NewVigenciaOnlySinMedicion_CreatesTheMeasurementWithoutScores()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2024", "Transparencia", "Sin medición")), data);

        Assert.Equal([ImportChangeKind.CreateMeasurement], preview.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task Analyze_Metas_NewOneChangedOneAndUnchangedOnes()
    {
        var data = await LoadAsync();
        var rows = new[]
        {
            Row(2, "2023", "Transparencia", "40", target: "80"),
            Row(3, "2023", "Colaboración", "0", target: "100"),
            Row(4, "2023", "Información", "70", target: null),
        };

        var preview = ImportAnalyzer.Analyze(File(rows, targets: true), data);

        Assert.Equal(
            [new ImportChange(2, ImportChangeKind.CreateTarget, 2023, IdOf(data, "Transparencia"), "Transparencia", "100,0 (sin fijar)", "80,0", NewTarget: 80m)],
            preview.Changes);
        Assert.Equal(2, preview.UnchangedRows);
    }

    [Fact]
    public async Task Analyze_ObservationColumn_SetsOrClearsTheObservationAndWithoutItLeavesItAlone()
    {
        var data = await LoadAsync();

        var withColumn = ImportAnalyzer.Analyze(File([Row(2, "2023", "Transparencia", "40", observation: "Falta el portal de datos abiertos.")], observations: true), data);
        var withoutColumn = ImportAnalyzer.Analyze(File(Row(2, "2023", "Transparencia", "40")), data);

        var change = Assert.Single(withColumn.Changes);
        Assert.Equal(ImportChangeKind.ChangeScore, change.Kind);
        Assert.Equal("40,0", change.Before);
        Assert.Equal("40,0 · «Falta el portal de datos abiertos.»", change.After);
        Assert.Equal("Falta el portal de datos abiertos.", change.NewObservation);
        Assert.Empty(withoutColumn.Changes);
    }

    [Theory]
    [InlineData("  TRANSPARENCIA ", "Transparencia")]
    [InlineData("informacion", "Información")]
    [InlineData("Uso   y  apropiacion", "Uso y Apropiación")]
    public async Task Analyze_CategoryNameWithOtherCaseAccentsOrSpaces_Matches(string written, string name)
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", written, "33")), data);

        Assert.Empty(preview.Errors);
        Assert.Equal(IdOf(data, name), Assert.Single(preview.Changes).CategoryId);
    }

    [Theory]
    [InlineData("dos mil", "Transparencia", "40", null, "La vigencia «dos mil» no es un año; escriba, por ejemplo, 2024.")]
    [InlineData("2023,5", "Transparencia", "40", null, "La vigencia «2023,5» no es un año; escriba, por ejemplo, 2024.")]
    [InlineData("1999", "Transparencia", "40", null, "La vigencia debe estar entre 2000 y 2100.")]
    [InlineData(null, "Transparencia", "40", null, "Escriba la vigencia (el año medido).")]
    [InlineData("2023", "Categoría inventada", "40", null, "La categoría «Categoría inventada» no está en el catálogo.")]
    [InlineData("2023", null, "40", null, "Escriba la categoría.")]
    [InlineData("2023", "Transparencia", "100,1", null, ValidationRules.ScoreOutOfRange)]
    [InlineData("2023", "Transparencia", "cuarenta", null, ValidationRules.ScoreNotANumber)]
    [InlineData("2023", "Transparencia", "40", "ochenta", ValidationRules.TargetNotANumber)]
    [InlineData("2023", "Transparencia", "40", "101", ValidationRules.TargetOutOfRange)]
    public async Task Analyze_BadRow_ErrorWithItsRowNumberAndNoChange(string? vigencia, string? category, string? score, string? target, string expected)
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File([Row(7, vigencia, category, score, target: target)], targets: true), data);

        Assert.Equal([new ImportIssue(7, expected)], preview.Errors);
        Assert.Empty(preview.Changes);
        Assert.False(preview.CanCommit);
    }

    // An empty score cell is no longer an error in a file (unlike the form): see the blank-row tests below.
    [Fact]
    public async Task Analyze_TemplateRowsLeftBlank_NoErrorNoChangeAndSaidAsBlank()
    {
        var data = await LoadAsync();
        // The template pre-fills vigencia, category and the current meta; the advisor typed one score and left the rest.
        var rows = new[]
        {
            Row(2, "2023", "Transparencia", null, target: "100"),
            Row(3, "2024", "Colaboración", "  ", target: "100"),
            Row(4, "2024", "Transparencia", "50", target: "100"),
        };

        var preview = ImportAnalyzer.Analyze(File(rows, targets: true, observations: true), data);

        Assert.Empty(preview.Errors);
        Assert.Equal(
            [(ImportChangeKind.CreateMeasurement, 4), (ImportChangeKind.CreateScore, 4)],
            preview.Changes.Select(c => (c.Kind, c.RowNumber)));
        Assert.Equal([2, 3], preview.BlankRows);
        Assert.Equal(2, preview.UnchangedRows);
        // The blank 2024 row does not count as measured: Colaboración is among the categories left «Sin medición».
        Assert.Contains("el archivo no trae 16 categorías", preview.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("«Colaboración»", preview.Warnings[0], StringComparison.Ordinal);
        Assert.True(preview.CanCommit);
    }

    [Fact]
    public async Task Analyze_BlankScoreWithANewMeta_ChangesOnlyTheMeta()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File([Row(2, "2023", "Transparencia", null, target: "90")], targets: true), data);

        Assert.Empty(preview.Errors);
        Assert.Equal([ImportChangeKind.CreateTarget], preview.Changes.Select(c => c.Kind));
        Assert.Empty(preview.BlankRows);
    }

    [Fact]
    public async Task Analyze_BlankScoreButAnObservation_StillAsksForTheScore()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File([Row(2, "2023", "Transparencia", null, observation: "Revisar")], observations: true), data);

        Assert.Equal([new ImportIssue(2, ValidationRules.ScoreRequired)], preview.Errors);
        Assert.Empty(preview.BlankRows);
    }

    [Fact]
    public async Task Analyze_BlankRowWithAnUnknownCategory_StillAnError()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(5, "2023", "Categoría inventada", null)), data);

        Assert.Equal([new ImportIssue(5, "La categoría «Categoría inventada» no está en el catálogo.")], preview.Errors);
    }

    [Fact]
    public async Task Analyze_ObservationTooLong_TheFormsMessage()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File([Row(2, "2023", "Transparencia", "40", observation: new string('x', 2001))], observations: true), data);

        Assert.Equal([new ImportIssue(2, ValidationRules.ObservationTooLong)], preview.Errors);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.1")]
    [InlineData("45,55")]
    [InlineData("abc")]
    [InlineData("1e9")]
    public async Task Analyze_BadScore_SameMessageAsTheForm(string typed)
    {
        var data = await LoadAsync();
        var form = new ScoreRowValidator().Validate(new ScoreRowInput { Status = ScoreStatus.Measured, ScoreText = typed });

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", "Transparencia", typed)), data);

        Assert.NotEmpty(form.Errors);
        Assert.Equal(form.Errors.Select(e => e.ErrorMessage), preview.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task Analyze_CategoryTwiceForAVigencia_ErrorOnTheSecondRowNamingTheFirst()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", "Transparencia", "50"), Row(3, "2024", "Transparencia", "50"), Row(4, "2023", "transparencia", "60")), data);

        Assert.Equal([new ImportIssue(4, "La categoría «Transparencia» ya aparece en la fila 2 para la vigencia 2023.")], preview.Errors);
    }

    [Fact]
    public async Task Analyze_SeveralBadRows_EveryErrorInRowOrder()
    {
        var data = await LoadAsync();

        var preview = ImportAnalyzer.Analyze(
            File(
                Row(2, "2023", "Transparencia", "50"),
                Row(3, "año", "Inventada", "abc"),
                Row(4, "2023", "Colaboración", "10"),
                Row(5, "2023", "Información", "100,5")),
            data);

        Assert.Equal(
            [
                new ImportIssue(3, "La vigencia «año» no es un año; escriba, por ejemplo, 2024."),
                new ImportIssue(3, "La categoría «Inventada» no está en el catálogo."),
                new ImportIssue(3, ValidationRules.ScoreNotANumber),
                new ImportIssue(5, ValidationRules.ScoreOutOfRange),
            ],
            preview.Errors);
        // The good rows are still analysed, but nothing can be imported.
        Assert.Equal(2, preview.Changes.Count);
        Assert.False(preview.CanCommit);
    }

    [Fact]
    public async Task Analyze_CategoryThatDoesNotApplyToTheVigencia_Error()
    {
        var data = await LoadAsync();
        data.Categories.Single(c => c.Name == "Transparencia").Retire(2024);

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2024", "Transparencia", "50")), data);

        Assert.Equal([new ImportIssue(2, "La categoría «Transparencia» no aplica a la vigencia 2024.")], preview.Errors);
    }

    [Fact]
    public async Task Analyze_RetiredCategoryAndItsNamesakeOfTheNewFrame_EachRowTakesTheOneThatApplies()
    {
        var loaded = await LoadAsync();
        var old = loaded.Categories.Single(c => c.Name == "Seguridad y Privacidad de la Información");
        old.Retire(2024);
        var successor = new Category(old.Name, "Seguridad 2024", CategoryKind.Proceso, new Component("Gobierno Digital 2024", 9), 1, firstVigencia: 2024);
        var data = new ScoringSnapshot([.. loaded.Categories, successor], loaded.Measurements, new Dictionary<(int, int), decimal>());

        var preview = ImportAnalyzer.Analyze(File(Row(2, "2023", old.Name, "55"), Row(3, "2024", old.Name, "65")), data);

        Assert.Empty(preview.Errors);
        var scores = preview.Changes.Where(c => c.Kind != ImportChangeKind.CreateMeasurement).ToList();
        Assert.Equal([(2023, old.Id), (2024, successor.Id)], scores.Select(c => (c.Vigencia, c.CategoryId!.Value)));
        Assert.Equal([ImportChangeKind.ChangeScore, ImportChangeKind.CreateScore], scores.Select(c => c.Kind));
    }

    [Fact]
    public void VigenciasIn_SkipsTextAndYearsOutOfRange()
    {
        var file = File(Row(2, "2023", "a", "1"), Row(3, "2024.0", "a", "1"), Row(4, "abc", "a", "1"), Row(5, "1999", "a", "1"), Row(6, "2023", "b", "1"));

        Assert.Equal([2023, 2024], ImportAnalyzer.VigenciasIn(file).Order());
    }

    private async Task<ScoringSnapshot> LoadAsync()
    {
        await using var db = seeded.Database.CreateDbContext();
        return await ScoringSnapshot.LoadAsync(db, TestContext.Current.CancellationToken);
    }

    private static int IdOf(ScoringSnapshot data, string name) => data.Categories.Single(c => c.Name == name).Id;

    private static ScoreFileRow Row(int number, string? vigencia, string? category, string? score, string? target = null, string? observation = null) =>
        new(number, vigencia, category, score, target, observation);

    private static ScoreFile File(params ScoreFileRow[] rows) => File(rows, targets: false);

    private static ScoreFile File(ScoreFileRow[] rows, bool targets = false, bool observations = false) =>
        new("puntajes.csv", ScoreFiles.RequiredHeader, rows, targets, observations);
}
