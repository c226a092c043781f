using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.Targets;

/// <summary>
/// Editors set the meta of every category for every vigencia in one grid. Changed cells are highlighted and checked as
/// typed; "Guardar cambios" saves them all at once, or none when one is wrong.
/// </summary>
public partial class TargetGrid
{
    private readonly TargetCellValidator _validator = new();
    private TargetGridModel? _grid;
    private Dictionary<int, IReadOnlyList<CellState>> _cells = [];
    private string? _message;
    private bool _succeeded;
    private bool _busy;

    [Inject]
    public required TargetService Targets { get; init; }

    private IEnumerable<CellState> AllCells => _cells.Values.SelectMany(c => c);

    private int ChangedCount => AllCells.Count(c => c.IsChanged);

    private string ChangedText => ChangedCount switch
    {
        0 => "Sin cambios por guardar.",
        1 => "1 meta cambiada sin guardar.",
        var n => $"{n} metas cambiadas sin guardar.",
    };

    protected override Task OnInitializedAsync() => ReloadAsync();

    private static string? CellClass(CellState cell) =>
        cell.Error is not null ? "target-invalid" : cell.IsChanged ? "target-changed" : null;

    private void Change(CellState cell, string? text)
    {
        cell.Text = text;
        cell.Error = cell.IsChanged ? _validator.ErrorFor(text) : null;
    }

    private void Discard()
    {
        foreach (var cell in AllCells)
        {
            cell.Reset();
        }

        _message = null;
    }

    private async Task SaveAsync()
    {
        var changed = AllCells.Where(c => c.IsChanged).ToList();
        foreach (var cell in changed)
        {
            cell.Error = _validator.ErrorFor(cell.Text);
        }

        var invalid = changed.Count(c => c.Error is not null);
        if (invalid > 0)
        {
            Report(false, NothingSaved(invalid));
            return;
        }

        _busy = true;
        try
        {
            var result = await Targets.SaveAsync(changed.Select(c => new TargetCellChange(c.CategoryId, c.Vigencia, c.OriginalValue, c.Text)).ToList());
            if (result.Succeeded)
            {
                Report(true, result.Saved == 1 ? "Se guardó 1 meta." : $"Se guardaron {result.Saved} metas.");
                await ReloadAsync();
                return;
            }

            foreach (var cell in changed)
            {
                cell.Error = result.CellErrors.GetValueOrDefault((cell.CategoryId, cell.Vigencia));
            }

            Report(false, result.Error ?? NothingSaved(result.CellErrors.Count));
        }
        catch (AccessDeniedException ex)
        {
            Report(false, ex.Message);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string NothingSaved(int invalid) => invalid == 1
        ? "Una meta tiene un error (vea el mensaje junto a la celda). No se guardó ningún cambio."
        : $"{invalid} metas tienen errores (vea los mensajes junto a las celdas). No se guardó ningún cambio.";

    private async Task ReloadAsync()
    {
        _grid = await Targets.GetGridAsync();
        _cells = _grid.Components
            .SelectMany(c => c.Categories)
            .ToDictionary(r => r.CategoryId, r => (IReadOnlyList<CellState>)r.Cells.Select(cell => new CellState(r, cell)).ToList());
    }

    private void Report(bool succeeded, string message)
    {
        _succeeded = succeeded;
        _message = message;
    }

    /// <summary>One cell as the editor sees it: the text typed, what it was, and its message.</summary>
    private sealed class CellState(TargetGridRow row, TargetGridCell cell)
    {
        private readonly string _originalText = EsCo.Number(cell.Value);

        public int CategoryId => row.CategoryId;

        public int Vigencia => cell.Vigencia;

        public bool Applies => cell.Applies;

        public decimal OriginalValue => cell.Value;

        public string? Text { get; set; } = EsCo.Number(cell.Value);

        public string? Error { get; set; }

        /// <summary>True when the text is not the meta it was (a wrong text counts as a change).</summary>
        public bool IsChanged => Applies && NumberText.Parse(Text) != OriginalValue;

        /// <summary>"Meta de Transparencia en 2025"; where the category does not apply, why: "…: retirada (desde 2026)".</summary>
        public string Label => Applies
            ? $"Meta de {row.Name} en {Vigencia}"
            : $"Meta de {row.Name} en {Vigencia}: {NotApplicable.Text.ToLower(EsCo.Culture)}" + (NotApplicable.Since.Length > 0 ? $" ({NotApplicable.Since})" : string.Empty);

        /// <summary>The text of a cell where the category does not apply: retired or not yet in the catalog, never the score state «No aplica».</summary>
        public (string Text, string Since) NotApplicable => row.NotApplicableIn(Vigencia);

        /// <summary>What was there before a change, or that the meta is the default one.</summary>
        public string? Hint => IsChanged ? $"Antes: {_originalText}" : cell.IsDefault ? "Por defecto" : null;

        public void Reset()
        {
            Text = _originalText;
            Error = null;
        }
    }
}
