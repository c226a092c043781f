using GobiernoDigital.Core.Export;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Pages.OpenData;

/// <summary>The data dictionary of the open data: what it is, where to get it, how often it changes, its licence and every field.</summary>
public partial class OpenDataPage
{
    private static readonly (OpenDataLevel Level, string Title)[] Levels =
    [
        (OpenDataLevel.Category, "Por categoría y vigencia (una fila del CSV; «vigencias[].categorias[]» en JSON)"),
        (OpenDataLevel.Vigencia, "Por vigencia (repetidos en cada fila del CSV; «vigencias[]» en JSON)"),
        (OpenDataLevel.Dataset, "Del conjunto de datos (solo en JSON)"),
    ];

    private OpenDataset? _dataset;

    [Inject]
    public required OpenDataService OpenData { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IConfiguration Configuration { get; init; }

    private OpenDataLicence Licence => OpenData.Licence;

    private bool PublicReading => GobiernoDigitalSetup.PublicReading(Configuration);

    protected override async Task OnInitializedAsync() => _dataset = await OpenData.GetDatasetAsync();

    private string Absolute(string path) => Navigation.ToAbsoluteUri(path).ToString();
}
