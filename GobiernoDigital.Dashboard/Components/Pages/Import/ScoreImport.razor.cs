using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Import;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Import;

/// <summary>
/// An editor loads a .xlsx or .csv file of scores, sees what it would change and every error with its row, and imports
/// it in one transaction.
/// </summary>
/// <remarks>
/// Reading and importing stop when the page goes away (the tab is closed, the user navigates): the page's cancellation
/// reaches the reader, so a large file does not keep the server busy for nobody.
/// </remarks>
public partial class ScoreImport : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private readonly int[] _pageSizes = [25, 50, 100];
    private MudFileUpload<IBrowserFile>? _upload;
    // The same defaults as the measurement form, so a file and the form record the same kind of measurement.
    private MeasurementSource _source = Measurement.DefaultSource;
    private MeasurementState _state = Measurement.DefaultState;
    private ImportPreview? _preview;
    private ImportOutcome? _outcome;
    private string? _message;
    private bool _busy;

    [Inject]
    public required ScoreImportService Import { get; init; }

    /// <summary>The overview of a vigencia.</summary>
    public static string OverviewLink(int vigencia) => $"/?vigencia={vigencia}";

    private async Task PreviewAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _busy = true;
        _preview = null;
        _outcome = null;
        _message = null;
        try
        {
            // At most the limit and one byte more is read; a larger file is refused by its reported size, unread.
            await using var content = file.Size <= ScoreFileReader.MaxBytes ? file.OpenReadStream(ScoreFileReader.MaxBytes + 1) : Stream.Null;
            _preview = await Import.PreviewAsync(content, file.Name, file.Size, _closing.Token);
        }
        catch (AccessDeniedException ex)
        {
            _message = ex.Message;
        }
        catch (IOException)
        {
            _message = "No se pudo leer el archivo desde el navegador; elíjalo de nuevo.";
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page went away: nobody is left to show anything to.
        }
        finally
        {
            _busy = false;
            if (_upload is not null && !_closing.IsCancellationRequested)
            {
                // So that choosing the same file again, once corrected, loads it again.
                await _upload.ClearAsync();
            }
        }
    }

    private async Task CommitAsync()
    {
        if (_preview is not { CanCommit: true } preview)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Import.CommitAsync(preview, _source, _state, _closing.Token);
            if (outcome.Succeeded)
            {
                _outcome = outcome;
                _message = SuccessText(preview.FileName, outcome.Summary!);
            }
            else
            {
                _message = $"{outcome.Error} No se guardó nada.";
            }

            _preview = null;
        }
        catch (AccessDeniedException ex)
        {
            _message = ex.Message;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page went away before the commit was saved: the transaction was not committed.
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Discard()
    {
        _preview = null;
        _message = null;
        _outcome = null;
    }

    private static IEnumerable<(string Label, int Count, string TestId)> SummaryRows(ImportPreview preview)
    {
        var summary = preview.Summary;
        yield return ("Filas con datos", preview.RowCount, "resumen-filas");
        yield return ("Errores", preview.Errors.Count, "resumen-errores");
        yield return ("Mediciones nuevas", summary.MeasurementsCreated, "resumen-mediciones");
        yield return ("Puntajes nuevos", summary.ScoresCreated, "resumen-puntajes-nuevos");
        yield return ("Puntajes que cambian", summary.ScoresChanged, "resumen-puntajes-cambiados");
        yield return ("Metas nuevas", summary.TargetsCreated, "resumen-metas-nuevas");
        yield return ("Metas que cambian", summary.TargetsChanged, "resumen-metas-cambiadas");
        yield return ("Filas sin cambios", summary.UnchangedRows, "resumen-sin-cambios");
        yield return (ImportAnalyzer.BlankRowText, preview.BlankRows.Count, "resumen-filas-en-blanco");
    }

    /// <summary>«Sin cambio (fila en blanco): filas 3, 4 y 9.», the first 30 numbers and how many more.</summary>
    private static string BlankRowsText(IReadOnlyList<int> rows)
    {
        const int shown = 30;
        var numbers = rows.Take(shown).Select(r => r.ToString(EsCo.Culture)).ToList();
        var list = rows.Count > shown
            ? $"{string.Join(", ", numbers)} y {(rows.Count - shown).ToString("N0", EsCo.Culture)} más"
            : ScoreFileReader.Join(numbers);
        return $"{ImportAnalyzer.BlankRowText}: {(rows.Count == 1 ? "fila" : "filas")} {list}. Se dejó vacío el puntaje: esas categorías quedan como estaban.";
    }

    private static string ErrorCountText(int count) =>
        count == 1 ? "El archivo tiene 1 error." : $"El archivo tiene {count.ToString("N0", EsCo.Culture)} errores.";

    /// <summary>What a screen reader announces when the preview appears.</summary>
    private static string PreviewStatus(ImportPreview preview) => preview.HasErrors
        ? $"Vista previa lista: {ErrorCountText(preview.Errors.Count)} No se guardó nada."
        : $"Vista previa lista: {Count(preview.Changes.Count, "cambio", "cambios")} por importar.";

    /// <summary>"Se importó «x.csv»: 1 medición nueva y 17 puntajes nuevos; 3 filas sin cambios." (counts of 0 left out).</summary>
    internal static string SuccessText(string fileName, ImportSummary summary)
    {
        var parts = new[]
            {
                (summary.MeasurementsCreated, "medición nueva", "mediciones nuevas"),
                (summary.ScoresCreated, "puntaje nuevo", "puntajes nuevos"),
                (summary.ScoresChanged, "puntaje cambiado", "puntajes cambiados"),
                (summary.TargetsCreated, "meta nueva", "metas nuevas"),
                (summary.TargetsChanged, "meta cambiada", "metas cambiadas"),
            }
            .Where(p => p.Item1 > 0)
            .Select(p => Count(p.Item1, p.Item2, p.Item3))
            .ToList();
        var unchanged = summary.UnchangedRows > 0 ? $"; {Count(summary.UnchangedRows, "fila sin cambios", "filas sin cambios")}" : string.Empty;
        return $"Se importó «{fileName}»: {ScoreFileReader.Join(parts)}{unchanged}.";
    }

    private static string Count(int n, string one, string many) => $"{n.ToString("N0", EsCo.Culture)} {(n == 1 ? one : many)}";
}
