using GobiernoDigital.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;

namespace GobiernoDigital.Dashboard.Components.Shared;

/// <summary>
/// A page about one vigencia chosen in the address (<c>?vigencia=2023</c>, the latest measured one when absent): it
/// reads the vigencia as text, so a mistyped address gets a Spanish message instead of a parsing error, and loads its
/// model. The overview and the committee report share it.
/// </summary>
/// <typeparam name="TModel">What the page shows for the vigencia.</typeparam>
public abstract class VigenciaPageBase<TModel> : ComponentBase
    where TModel : class
{
    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The vigencia as written in the address.</summary>
    [SupplyParameterFromQuery(Name = "vigencia")]
    public string? VigenciaText { get; set; }

    /// <summary>The model of the vigencia; null while loading, for an unknown vigencia, or for a mistyped one.</summary>
    protected TModel? Model { get; private set; }

    /// <summary>True only while the first model loads (a vigencia switch keeps the previous one on screen).</summary>
    protected bool Loading { get; private set; } = true;

    protected int? Vigencia { get; private set; }

    protected bool InvalidVigencia { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        InvalidVigencia = !VigenciaQuery.TryParse(VigenciaText, out var vigencia);
        Vigencia = vigencia;
        if (InvalidVigencia)
        {
            Model = null;
            await OnModelLoadedAsync(null);
            Loading = false;
            return;
        }

        Loading = Model is null;
        var model = await LoadAsync(Vigencia);
        await OnModelLoadedAsync(model);
        Model = model;
        Loading = false;
    }

    /// <summary>Called with every model loaded, before it becomes <see cref="Model"/> and the page renders it.</summary>
    protected virtual Task OnModelLoadedAsync(TModel? model) => Task.CompletedTask;

    /// <summary>Loads the model of <paramref name="vigencia"/> (null: the latest measured one).</summary>
    protected abstract Task<TModel?> LoadAsync(int? vigencia);

    /// <summary>
    /// Shows <paramref name="vigencia"/> in this render, then puts it in the address. Waiting for the navigation instead
    /// would cost a round trip to the browser and back before anything moved; when the navigation arrives,
    /// <see cref="LoadAsync"/> returns the same shared model and nothing renders twice.
    /// </summary>
    protected async Task OnVigenciaChanged(int vigencia)
    {
        if (await LoadAsync(vigencia) is { } model)
        {
            await OnModelLoadedAsync(model);
            Model = model;
            Vigencia = vigencia;
        }

        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("vigencia", vigencia));
    }

    protected void OpenCategory(int categoryId) => Navigation.NavigateTo($"/categorias/{categoryId}");
}
