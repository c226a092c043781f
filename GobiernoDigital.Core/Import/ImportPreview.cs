using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Import;

/// <summary>What a row of an import file does.</summary>
public enum ImportChangeKind
{
    /// <summary>The file brings a vigencia that has no measurement yet: one is created.</summary>
    CreateMeasurement = 0,

    /// <summary>A category without a recorded score gets one.</summary>
    CreateScore = 1,

    /// <summary>A recorded score (or its observation) changes.</summary>
    ChangeScore = 2,

    /// <summary>A category gets a meta where it had none (the default of 100).</summary>
    CreateTarget = 3,

    /// <summary>A meta that was set changes.</summary>
    ChangeTarget = 4,
}

/// <summary>
/// One change an import makes, with the row of the file that asks for it, and the values before and after as the
/// preview shows them (Spanish, es-CO).
/// </summary>
/// <remarks>
/// <see cref="CategoryId"/> is null for <see cref="ImportChangeKind.CreateMeasurement"/>. <see cref="NewScore"/> and
/// <see cref="NewObservation"/> are set for score changes, <see cref="NewTarget"/> for meta changes.
/// </remarks>
public sealed record ImportChange(
    int RowNumber,
    ImportChangeKind Kind,
    int Vigencia,
    int? CategoryId,
    string? CategoryName,
    string Before,
    string After,
    Score? NewScore = null,
    string? NewObservation = null,
    decimal? NewTarget = null)
{
    /// <summary>What changes, in words: "Medición nueva", "Puntaje nuevo", "Puntaje", "Meta nueva", "Meta".</summary>
    public string Description => Kind switch
    {
        ImportChangeKind.CreateMeasurement => "Medición nueva",
        ImportChangeKind.CreateScore => "Puntaje nuevo",
        ImportChangeKind.ChangeScore => "Puntaje",
        ImportChangeKind.CreateTarget => "Meta nueva",
        _ => "Meta",
    };
}

/// <summary>A problem found in the file, in Spanish; <see cref="RowNumber"/> is null when it concerns the whole file.</summary>
public sealed record ImportIssue(int? RowNumber, string Message);

/// <summary>How many records an import creates and changes.</summary>
public sealed record ImportSummary(
    int MeasurementsCreated,
    int ScoresCreated,
    int ScoresChanged,
    int TargetsCreated,
    int TargetsChanged,
    int UnchangedRows)
{
    public static ImportSummary Of(IReadOnlyList<ImportChange> changes, int unchangedRows) => new(
        changes.Count(c => c.Kind == ImportChangeKind.CreateMeasurement),
        changes.Count(c => c.Kind == ImportChangeKind.CreateScore),
        changes.Count(c => c.Kind == ImportChangeKind.ChangeScore),
        changes.Count(c => c.Kind == ImportChangeKind.CreateTarget),
        changes.Count(c => c.Kind == ImportChangeKind.ChangeTarget),
        unchangedRows);
}

/// <summary>
/// Everything an import would do, shown before anything is saved: the changes, the errors (file-level first, then by
/// row), the warnings, and the rows read (which the commit analyses again against the data of that moment).
/// </summary>
public sealed record ImportPreview(
    string FileName,
    ScoreFile? File,
    IReadOnlyList<ImportChange> Changes,
    IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<string> Warnings,
    int UnchangedRows)
{
    /// <summary>
    /// The rows whose score and observation were left blank and that change nothing (<see cref="ImportAnalyzer.BlankRowText"/>),
    /// in file order; they count among <see cref="UnchangedRows"/>.
    /// </summary>
    public IReadOnlyList<int> BlankRows { get; init; } = [];

    /// <summary>Data rows read (empty rows left out); 0 when the file could not be read.</summary>
    public int RowCount => File?.Rows.Count ?? 0;

    public bool HasErrors => Errors.Count > 0;

    /// <summary>True when there are no errors and at least one change: the import button is enabled.</summary>
    public bool CanCommit => !HasErrors && Changes.Count > 0;

    public ImportSummary Summary => ImportSummary.Of(Changes, UnchangedRows);

    /// <summary>The vigencias the import touches, newest last.</summary>
    public IReadOnlyList<int> Vigencias => Changes.Select(c => c.Vigencia).Distinct().Order().ToList();

    /// <summary>A file refused as a whole (<see cref="ScoreFileReader"/>'s errors): nothing to show but the reasons.</summary>
    public static ImportPreview Rejected(string fileName, IEnumerable<string> errors) =>
        new(fileName, null, [], errors.Select(e => new ImportIssue(null, e)).ToList(), [], 0);
}
