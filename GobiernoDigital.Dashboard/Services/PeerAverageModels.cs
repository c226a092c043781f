namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// The peer-average grid: one row per category (grouped by component), one column per measured vigencia (oldest first).
/// </summary>
public sealed record PeerGridModel(IReadOnlyList<int> Vigencias, IReadOnlyList<PeerGridComponent> Components);

/// <summary>A component and its categories, in display order.</summary>
public sealed record PeerGridComponent(string Name, IReadOnlyList<PeerGridRow> Rows);

/// <summary>A category with one cell per vigencia of the grid, in the grid's column order.</summary>
public sealed record PeerGridRow(int CategoryId, string Name, IReadOnlyList<PeerGridCell> Cells);

/// <summary>
/// A category's peer average in a vigencia: the value recorded, or null. <c>Applies</c> is false when the category is
/// not part of that vigencia's catalog; such a cell cannot be edited.
/// </summary>
public sealed record PeerGridCell(int Vigencia, bool Applies, decimal? Value);

/// <summary>A cell to save: the text as typed ("62,4", "62.4"); empty or null removes the value.</summary>
public sealed record PeerCellChange(int CategoryId, int Vigencia, string? Text);

/// <summary>Why a cell was refused, in Spanish.</summary>
public sealed record PeerCellError(int CategoryId, int Vigencia, string Message);

/// <summary>
/// The outcome of saving the grid: every change saved (<c>ChangedCells</c> counts the rows added, changed or removed),
/// or nothing saved with the reason (<c>Error</c>) and the cells to fix.
/// </summary>
public sealed record PeerSaveResult(bool Succeeded, string? Error, IReadOnlyList<PeerCellError> CellErrors, int ChangedCells)
{
    public static PeerSaveResult Saved(int changedCells) => new(true, null, [], changedCells);

    public static PeerSaveResult Fail(string error, IReadOnlyList<PeerCellError>? cellErrors = null) => new(false, error, cellErrors ?? [], 0);
}
