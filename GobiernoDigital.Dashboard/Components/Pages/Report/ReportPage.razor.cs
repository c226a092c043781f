using GobiernoDigital.Core.Scoring;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GobiernoDigital.Dashboard.Components.Pages.Report;

/// <summary>
/// The report for the Comité Institucional de Gestión y Desempeño: one printable page set with the vigencia's figure,
/// coverage and change, the radar and gap charts, the table of categories, the changes since the previous vigencia and
/// the plan's late and due actions. The toolbar (vigencia, print, xlsx) is not printed.
/// </summary>
public partial class ReportPage : IAsyncDisposable
{
    private ReportModel? _model;
    private bool _loading = true;
    private IJSObjectReference? _printModule;

    [Inject]
    public required ReportService Reports { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The vigencia to report (<c>/informe?vigencia=2023</c>); the latest measured one when absent.</summary>
    /// <remarks>Read as text so that a mistyped address gets a Spanish message instead of a parsing error.</remarks>
    [SupplyParameterFromQuery(Name = "vigencia")]
    public string? VigenciaText { get; set; }

    private int? Vigencia { get; set; }

    private bool InvalidVigencia { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        InvalidVigencia = !VigenciaQuery.TryParse(VigenciaText, out var vigencia);
        Vigencia = vigencia;
        if (InvalidVigencia)
        {
            _model = null;
            _loading = false;
            return;
        }

        _loading = _model is null;
        _model = await Reports.GetReportAsync(Vigencia);
        _loading = false;
    }

    private void OnVigenciaChanged(int vigencia) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("vigencia", vigencia));

    private void OpenCategory(int categoryId) => Navigation.NavigateTo($"/categorias/{categoryId}");

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

    private string EmptyChangeTitle(CategoryResult row) =>
        _model?.Report.PreviousVigencia is null ? "Sin vigencia anterior para comparar"
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
