namespace GobiernoDigital.Core.Import;

/// <summary>
/// One data row of a scores file, with the cells of the columns import reads, as text. Cells are null when empty or when
/// the file has no such column.
/// </summary>
/// <remarks><see cref="RowNumber"/> is the row the user sees in the spreadsheet: the header is row 1, the first data row is row 2.</remarks>
public sealed record ScoreFileRow(int RowNumber, string? Vigencia, string? Category, string? Score, string? Target, string? Observation);

/// <summary>A scores file read without file-level errors: its header as written and its data rows (empty rows left out).</summary>
/// <remarks>
/// <see cref="HasTargetColumn"/> and <see cref="HasObservationColumn"/> tell an empty cell from a missing column: without
/// the column the meta or the observation stays as it is.
/// </remarks>
public sealed record ScoreFile(
    string FileName,
    IReadOnlyList<string> Header,
    IReadOnlyList<ScoreFileRow> Rows,
    bool HasTargetColumn,
    bool HasObservationColumn);

/// <summary>What reading a file gave: the file, or the Spanish reasons why it cannot be read at all.</summary>
public sealed record ScoreFileReadResult(ScoreFile? File, IReadOnlyList<string> Errors)
{
    public bool Succeeded => File is not null;

    public static ScoreFileReadResult Read(ScoreFile file) => new(file, []);

    public static ScoreFileReadResult Fail(params IReadOnlyList<string> errors) => new(null, errors);
}
