using FluentValidation;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>The metas of every category (rows, grouped by component) for a range of vigencias (columns).</summary>
public sealed record TargetGridModel(IReadOnlyList<int> Vigencias, IReadOnlyList<TargetGridComponent> Components);

/// <summary>A component's rows in the metas grid.</summary>
public sealed record TargetGridComponent(int Id, string Name, IReadOnlyList<TargetGridRow> Categories);

/// <summary>A category's metas, one cell per vigencia of the grid, in the grid's order.</summary>
/// <remarks>
/// <b>FirstVigencia</b>, <b>RetiredFromVigencia</b>: the category's applicability, to say why a cell does not apply
/// (retired, or not yet in the catalog) in other words than the score state «No aplica».<br/>
/// </remarks>
public sealed record TargetGridRow(int CategoryId, string Name, IReadOnlyList<TargetGridCell> Cells, int? FirstVigencia = null, int? RetiredFromVigencia = null)
{
    /// <summary>What a cell where the category does not apply shows: «Retirada» or «Aún no existía», and since when.</summary>
    public (string Text, string Since) NotApplicableIn(int vigencia) =>
        RetiredFromVigencia is { } retired && vigencia >= retired
            ? ("Retirada", $"desde {retired}")
            : ("Aún no existía", FirstVigencia is { } first ? $"existe desde {first}" : string.Empty);
}

/// <summary>The meta of a category in a vigencia.</summary>
/// <remarks>
/// <b>Applies</b>: False when the category does not apply to the vigencia: the cell cannot be edited.<br/>
/// <b>IsDefault</b>: No meta was set: the value is the default, 100.<br/>
/// </remarks>
public sealed record TargetGridCell(int Vigencia, bool Applies, decimal Value, bool IsDefault);

/// <summary>One cell the editor changed: the meta as typed, and the value it had when the grid was read.</summary>
/// <remarks>
/// <b>OriginalValue</b>: What the editor saw; if the meta changed since, the save is refused for that cell instead of
/// overwriting another editor's change.
/// </remarks>
public sealed record TargetCellChange(int CategoryId, int Vigencia, decimal OriginalValue, string? Text);

/// <summary>The outcome of saving the grid: how many metas were saved, or the errors and nothing saved.</summary>
/// <remarks>
/// <b>CellErrors</b>: A Spanish message per cell (category id, vigencia) that was refused.<br/>
/// <b>Error</b>: A message about the whole save (permission, a concurrent change).<br/>
/// </remarks>
public sealed record TargetSaveResult(int Saved, IReadOnlyDictionary<(int CategoryId, int Vigencia), string> CellErrors, string? Error = null)
{
    public bool Succeeded => Error is null && CellErrors.Count == 0;

    public static TargetSaveResult Done(int saved) => new(saved, new Dictionary<(int, int), string>());

    public static TargetSaveResult Fail(string error) => new(0, new Dictionary<(int, int), string>(), error);
}

/// <summary>A meta as typed in a cell of the grid: the shared rule (0–100, comma or point, at most one decimal).</summary>
public sealed class TargetCellValidator : AbstractValidator<TargetCellChange>
{
    public TargetCellValidator()
    {
        RuleFor(c => c.Text).ValidTarget();
    }

    /// <summary>The first message for <paramref name="text"/>, or null when it is a valid meta.</summary>
    public string? ErrorFor(string? text)
    {
        var result = Validate(new TargetCellChange(0, 0, 0m, text));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }
}
