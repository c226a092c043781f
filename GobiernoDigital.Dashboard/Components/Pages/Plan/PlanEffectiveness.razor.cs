using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Plan;

/// <summary>The plan page's <em>evaluación de la eficacia</em>: vigencias A and B to choose, and a verdict per category.</summary>
public partial class PlanEffectiveness
{
    private PlanEffectivenessModel? _model;
    private int? _loadedVersion;
    private bool _loaded;

    [Inject]
    public required PlanService Plans { get; init; }

    /// <summary>The plan version whose actions count; null for the current one.</summary>
    [Parameter]
    public int? Version { get; set; }

    private IReadOnlyList<int> FromChoices =>
        _model is null ? [] : _model.MeasuredVigencias.Append(_model.FromVigencia).Distinct().Order().ToList();

    private IReadOnlyList<int?> ToChoices =>
        _model is null ? [] : _model.MeasuredVigencias.Where(v => v > _model.FromVigencia).Select(v => (int?)v).ToList();

    private string ActualChangeText
    {
        get
        {
            if (_model is null)
            {
                return string.Empty;
            }

            var from = _model.FromPercentage is { } a ? EsCo.Percent(a) : "sin cifra";
            if (_model.ToVigencia is not { } toVigencia)
            {
                return $"— (no hay medición posterior a {_model.FromVigencia})";
            }

            var to = _model.ToPercentage is { } b ? EsCo.Percent(b) : "sin cifra";
            var change = _model.ActualPercentageChange is { } c ? $"{EsCo.SignedNumber(c)} puntos" : "—";
            return $"{change} (de {from} en {_model.FromVigencia} a {to} en {toVigencia})";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!_loaded || _loadedVersion != Version)
        {
            await LoadAsync(null, null);
        }
    }

    /// <summary>"css name" of a verdict for styling and tests: eficaz, parcialmente-eficaz, sin-efecto, sin-datos.</summary>
    private static string VerdictCss(EffectivenessVerdict verdict) => verdict switch
    {
        EffectivenessVerdict.Eficaz => "eficaz",
        EffectivenessVerdict.ParcialmenteEficaz => "parcialmente-eficaz",
        EffectivenessVerdict.SinEfecto => "sin-efecto",
        _ => "sin-datos",
    };

    private static string VerdictIcon(EffectivenessVerdict verdict) => verdict switch
    {
        EffectivenessVerdict.Eficaz => Icons.Material.Outlined.CheckCircle,
        EffectivenessVerdict.ParcialmenteEficaz => Icons.Material.Outlined.TrendingUp,
        EffectivenessVerdict.SinEfecto => Icons.Material.Outlined.TrendingFlat,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    private static string ActionCount(int count) => count == 1 ? "1 acción" : $"{count} acciones";

    private Task OnFromChanged(int vigencia) => LoadAsync(vigencia, null);

    private Task OnToChanged(int? vigencia) => LoadAsync(_model?.FromVigencia, vigencia);

    private async Task LoadAsync(int? from, int? to)
    {
        _model = await Plans.GetEffectivenessAsync(from, to, Version);
        _loadedVersion = Version;
        _loaded = true;
    }
}
