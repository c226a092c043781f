using GobiernoDigital.Core.Planning;
using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GobiernoDigital.Dashboard.Components.Pages.Report;

/// <summary>
/// The report for the Comité Institucional de Gestión y Desempeño: one printable page set with the vigencia's figure,
/// coverage and change, the radar and gap charts, the table of categories, the changes since the previous vigencia and
/// the plan's late and due actions. The toolbar (vigencia, print, xlsx) is not printed.
/// </summary>
public partial class ReportPage : VigenciaPageBase<ReportModel>, IAsyncDisposable
{
    private IJSObjectReference? _printModule;

    [Inject]
    public required ReportService Reports { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    protected override Task<ReportModel?> LoadAsync(int? vigencia) => Reports.GetReportAsync(vigencia);

    private async Task PrintAsync()
    {
        try
        {
            _printModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/report-print.js");
            await _printModule.InvokeVoidAsync("print");
        }
        catch (JSDisconnectedException)
        {
            // The browser left while the dialog was opening: nothing to print.
        }
    }

    private static string Plural(int count) => count == 1 ? "1 categoría" : $"{count} categorías";

    private static string ActionPlural(int count) => count == 1 ? "1 acción" : $"{count} acciones";

    // «Sin datos» usually holds most of the plan's categories: counted, not named, to keep the report within its pages.
    private static string CategoryList(IReadOnlyList<string> categories, EffectivenessVerdict verdict) =>
        verdict == EffectivenessVerdict.SinDatos ? Plural(categories.Count) : string.Join(", ", categories);

    private string EmptyChangeTitle(CategoryResult row) =>
        Model?.Report.PreviousVigencia is null ? "Sin vigencia anterior para comparar"
        : !row.Score.IsMeasured ? "Sin puntaje medido en esta vigencia"
        : "Sin puntaje medido en la vigencia anterior";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_printModule is not null)
            {
                await _printModule.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and the module with it.
        }

        GC.SuppressFinalize(this);
    }
}
