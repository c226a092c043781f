using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Services;

namespace GobiernoDigital.Dashboard.ViewModels;

/// <summary>
/// The editable state of the peer-average grid: the text of every cell as loaded and as typed, which cells changed, and
/// the messages the service gave back.
/// </summary>
public sealed class PeerAverageGridViewModel
{
    public PeerAverageGridViewModel(PeerGridModel model)
    {
        Vigencias = model.Vigencias;
        Components = model.Components
            .Select(component => new PeerGridComponentState(
                component.Name,
                component.Rows
                    .Select(row => new PeerGridRowState(
                        row.CategoryId,
                        row.Name,
                        row.Cells.Select(cell => new PeerAverageCellState(row.CategoryId, row.Name, cell.Vigencia, cell.Applies, cell.Value)).ToList()))
                    .ToList()))
            .ToList();
    }

    /// <summary>The columns: measured vigencias, oldest first.</summary>
    public IReadOnlyList<int> Vigencias { get; }

    public IReadOnlyList<PeerGridComponentState> Components { get; }

    /// <summary>Every editable cell, row by row.</summary>
    public IEnumerable<PeerAverageCellState> Cells =>
        Components.SelectMany(c => c.Rows).SelectMany(r => r.Cells).Where(c => c.Applies);

    /// <summary>The cells whose value differs from the one loaded ("62.4" and "62,4" are the same value).</summary>
    public IReadOnlyList<PeerCellChange> Changes =>
        Cells.Where(c => c.IsChanged).Select(c => new PeerCellChange(c.CategoryId, c.Vigencia, c.Text)).ToList();

    public bool HasChanges => Cells.Any(c => c.IsChanged);

    /// <summary>Puts every cell back as loaded and clears the messages.</summary>
    public void Discard()
    {
        foreach (var cell in Cells)
        {
            cell.Text = cell.Original;
            cell.ServerError = null;
        }
    }

    /// <summary>Shows the service's messages next to their cells (and clears the previous ones).</summary>
    public void ShowErrors(IEnumerable<PeerCellError> errors)
    {
        var byCell = errors.GroupBy(e => (e.CategoryId, e.Vigencia)).ToDictionary(g => g.Key, g => g.First().Message);
        foreach (var cell in Cells)
        {
            cell.ServerError = byCell.GetValueOrDefault((cell.CategoryId, cell.Vigencia));
        }
    }
}

/// <summary>A component's rows in the grid.</summary>
public sealed record PeerGridComponentState(string Name, IReadOnlyList<PeerGridRowState> Rows);

/// <summary>A category's cells in the grid, one per vigencia column.</summary>
public sealed record PeerGridRowState(int CategoryId, string Name, IReadOnlyList<PeerAverageCellState> Cells);

/// <summary>One cell of the grid: a category's peer average in a vigencia, as loaded and as typed.</summary>
public sealed class PeerAverageCellState(int categoryId, string categoryName, int vigencia, bool applies, decimal? value)
{
    public int CategoryId { get; } = categoryId;

    public string CategoryName { get; } = categoryName;

    public int Vigencia { get; } = vigencia;

    /// <summary>False when the category is not part of that vigencia's catalog: the cell is not editable.</summary>
    public bool Applies { get; } = applies;

    /// <summary>The text as loaded: "62,4", or empty when there is no value.</summary>
    public string Original { get; } = value is { } v ? EsCo.Number(v) : string.Empty;

    /// <summary>The text as typed.</summary>
    public string? Text { get; set; } = value is { } v2 ? EsCo.Number(v2) : string.Empty;

    /// <summary>The service's message for this cell after a refused save, if any.</summary>
    public string? ServerError { get; set; }

    /// <summary>The accessible name of the field: "Promedio del grupo par de Transparencia en 2023".</summary>
    public string Label => $"Promedio del grupo par de {CategoryName} en {Vigencia}";

    /// <summary>True when the typed value differs from the loaded one; texts that are not numbers compare as typed.</summary>
    public bool IsChanged
    {
        get
        {
            var typed = Text?.Trim() ?? string.Empty;
            if (typed.Length == 0 || Original.Length == 0)
            {
                return typed.Length != Original.Length;
            }

            return NumberText.Parse(typed) is not { } number || number != NumberText.Parse(Original);
        }
    }
}
