using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Core.Import;

/// <summary>
/// Compares the rows of a scores file with the current data and says what an import would create and change, and what
/// is wrong with each row. A pure function: it reads nothing and changes nothing.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Categories are matched by name ignoring accents, case and extra spaces (<see cref="ScoreCell.Normalize"/>).
/// When several categories share a name, the one that applies to the row's vigencia is taken.</item>
/// <item>Score, meta and observation are checked by the form's own <see cref="ScoreRowValidator"/>, so the same input
/// gets the same message on both paths.</item>
/// <item>An empty meta cell, or no Meta column, leaves the meta as it is; without an Observación column the
/// observations stay as they are, and with one an empty cell clears the observation.</item>
/// <item>A category without a recorded score is <em>Sin medición</em>: a row that says «Sin medición» for it, without
/// observation, changes nothing.</item>
/// <item>A row whose score and observation cells are both empty (a template row left as it was) is not an error: its
/// score means «no change» and it is listed as <see cref="BlankRowText"/>; a meta typed on it still counts. It neither
/// creates a measurement nor counts as a repeated category.</item>
/// <item>Every error is reported (not only the first), in row order.</item>
/// </list>
/// </remarks>
public static class ImportAnalyzer
{
    /// <summary>What the preview shows where nothing was recorded before.</summary>
    public const string NothingRecorded = "—";

    /// <summary>What the preview says of a row left blank.</summary>
    public const string BlankRowText = "Sin cambio (fila en blanco)";

    private static readonly ScoreRowValidator RowValidator = new();
    private static readonly VigenciaValidator YearValidator = new();

    /// <summary>The preview of importing <paramref name="file"/> into <paramref name="data"/>.</summary>
    /// <param name="file">The rows read by <see cref="ScoreFileReader"/>.</param>
    /// <param name="data">The catalog, and the measurements and metas of (at least) the vigencias the file names.</param>
    public static ImportPreview Analyze(ScoreFile file, ScoringSnapshot data)
    {
        var categoriesByName = data.Categories.ToLookup(c => ScoreCell.Normalize(c.Name));
        var measured = data.Measurements.Select(m => m.Vigencia).ToHashSet();
        var recorded = data.Measurements
            .SelectMany(m => m.Scores, (m, s) => (m.Vigencia, Score: s))
            .ToDictionary(x => (x.Vigencia, x.Score.CategoryId), x => x.Score);

        var firstRowOf = new Dictionary<(int Vigencia, int CategoryId), int>();
        var newVigencias = new Dictionary<int, HashSet<int>>();
        var changes = new List<ImportChange>();
        var errors = new List<ImportIssue>();
        var blankRows = new List<int>();
        var unchanged = 0;

        foreach (var row in file.Rows)
        {
            var rowErrors = new List<string>();
            var vigencia = ParseVigencia(row.Vigencia, rowErrors);
            var category = ResolveCategory(row.Category, vigencia, categoriesByName, rowErrors);
            var input = ScoreRowInput.FromCells(row.Score, row.Target, row.Observation);
            var blank = string.IsNullOrWhiteSpace(row.Score) && string.IsNullOrWhiteSpace(row.Observation);
            var validation = blank
                ? RowValidator.Validate(input, o => o.IncludeProperties(nameof(ScoreRowInput.TargetText)))
                : RowValidator.Validate(input);
            rowErrors.AddRange(validation.Errors.Select(e => e.ErrorMessage));

            if (blank && rowErrors.Count == 0)
            {
                var changesBefore = changes.Count;
                AddTargetChange(row, vigencia!.Value, category!, input, data, changes);
                if (changes.Count == changesBefore)
                {
                    unchanged++;
                    blankRows.Add(row.RowNumber);
                }

                continue;
            }

            if (!blank && vigencia is { } v && category is not null)
            {
                if (firstRowOf.TryGetValue((v, category.Id), out var first))
                {
                    rowErrors.Add($"La categoría «{category.Name}» ya aparece en la fila {first} para la vigencia {v}.");
                }
                else
                {
                    firstRowOf[(v, category.Id)] = row.RowNumber;
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => new ImportIssue(row.RowNumber, e)));
                continue;
            }

            var year = vigencia!.Value;
            var before = changes.Count;
            if (!measured.Contains(year) && !newVigencias.ContainsKey(year))
            {
                newVigencias[year] = [];
                changes.Add(new ImportChange(row.RowNumber, ImportChangeKind.CreateMeasurement, year, null, null, NothingRecorded, $"Medición de la vigencia {year}"));
            }

            newVigencias.GetValueOrDefault(year)?.Add(category!.Id);
            AddScoreChange(row, year, category!, input, file.HasObservationColumn, recorded.GetValueOrDefault((year, category!.Id)), changes);
            AddTargetChange(row, year, category!, input, data, changes);
            if (changes.Count == before)
            {
                unchanged++;
            }
        }

        var warnings = newVigencias
            .OrderBy(n => n.Key)
            .Select(n => (Vigencia: n.Key, Missing: data.Categories.Where(c => c.AppliesTo(n.Key) && !n.Value.Contains(c.Id)).Select(c => c.Name).ToList()))
            .Where(n => n.Missing.Count > 0)
            .Select(n => n.Missing.Count == 1
                ? $"La vigencia {n.Vigencia} es nueva y el archivo no trae la categoría «{n.Missing[0]}», que le aplica: quedará «Sin medición»."
                : $"La vigencia {n.Vigencia} es nueva y el archivo no trae {n.Missing.Count} categorías que le aplican; quedarán «Sin medición»: {ScoreFileReader.Join(n.Missing.Select(m => $"«{m}»").ToList())}.")
            .ToList();
        if (newVigencias.Count > 0)
        {
            warnings.Add("Las metas de cada vigencia nueva empiezan como las de la vigencia anterior, salvo las que el archivo fija (como al registrar una medición con el formulario).");
        }

        return new ImportPreview(file.FileName, file, changes, errors, warnings, unchanged) { BlankRows = blankRows };
    }

    /// <summary>The valid vigencias the rows name (2000–2100): the data a commit must read to analyse the file again.</summary>
    public static IReadOnlySet<int> VigenciasIn(ScoreFile file) =>
        file.Rows.Select(r => ParseVigencia(r.Vigencia, [])).OfType<int>().ToHashSet();

    private static int? ParseVigencia(string? text, List<string> errors)
    {
        int? year = null;
        if (text is not null)
        {
            if (NumberText.Parse(text) is { } number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                year = (int)number;
            }
            else
            {
                errors.Add($"La vigencia «{ImportLimits.Quote(text)}» no es un año; escriba, por ejemplo, 2024.");
                return null;
            }
        }

        // The form's rule, so an empty or out-of-range vigencia gets the form's message.
        var result = YearValidator.Validate(new VigenciaInput(year));
        if (!result.IsValid)
        {
            errors.AddRange(result.Errors.Select(e => e.ErrorMessage));
            return null;
        }

        return year;
    }

    private static Category? ResolveCategory(string? name, int? vigencia, ILookup<string, Category> categoriesByName, List<string> errors)
    {
        if (name is null)
        {
            errors.Add("Escriba la categoría.");
            return null;
        }

        var candidates = categoriesByName[ScoreCell.Normalize(name)].ToList();
        if (candidates.Count == 0)
        {
            errors.Add($"La categoría «{ImportLimits.Quote(name)}» no está en el catálogo.");
            return null;
        }

        if (vigencia is not { } v)
        {
            return null;
        }

        var applying = candidates.Where(c => c.AppliesTo(v)).ToList();
        switch (applying.Count)
        {
            case 1:
                return applying[0];
            case 0:
                errors.Add($"La categoría «{candidates[0].Name}» no aplica a la vigencia {v}.");
                return null;
            default:
                errors.Add($"Hay {applying.Count} categorías llamadas «{applying[0].Name}» que aplican a la vigencia {v}; cambie el nombre de una en el catálogo.");
                return null;
        }
    }

    private static void AddScoreChange(
        ScoreFileRow row, int vigencia, Category category, ScoreRowInput input, bool observationColumn, CategoryScore? existing, List<ImportChange> changes)
    {
        var oldScore = existing?.Score ?? Score.NotMeasured;
        var oldObservation = existing?.Observation;
        var newScore = input.ToScore();
        var newObservation = observationColumn ? input.Observation : oldObservation;
        if (newScore == oldScore && newObservation == oldObservation)
        {
            return;
        }

        changes.Add(new ImportChange(
            row.RowNumber,
            existing is null ? ImportChangeKind.CreateScore : ImportChangeKind.ChangeScore,
            vigencia,
            category.Id,
            category.Name,
            existing is null ? NothingRecorded : ScoreText(oldScore, oldObservation),
            ScoreText(newScore, newObservation),
            NewScore: newScore,
            NewObservation: newObservation));
    }

    private static void AddTargetChange(ScoreFileRow row, int vigencia, Category category, ScoreRowInput input, ScoringSnapshot data, List<ImportChange> changes)
    {
        if (input.ToTarget() is not { } target)
        {
            return;
        }

        var current = data.TargetOf(category.Id, vigencia);
        if (target == current)
        {
            return;
        }

        var isSet = data.HasTarget(category.Id, vigencia);
        changes.Add(new ImportChange(
            row.RowNumber,
            isSet ? ImportChangeKind.ChangeTarget : ImportChangeKind.CreateTarget,
            vigencia,
            category.Id,
            category.Name,
            isSet ? EsCo.Number(current) : $"{EsCo.Number(current)} (sin fijar)",
            EsCo.Number(target),
            NewTarget: target));
    }

    /// <summary>"45,5", "No aplica", or "45,5 · «observación…»" (long observations shortened).</summary>
    private static string ScoreText(Score score, string? observation)
    {
        return observation is null ? score.ToString() : $"{score} · «{ImportLimits.Quote(observation)}»";
    }

    private sealed record VigenciaInput(int? Vigencia);

    private sealed class VigenciaValidator : AbstractValidator<VigenciaInput>
    {
        public VigenciaValidator() => RuleFor(v => v.Vigencia).ValidVigencia();
    }
}
