using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components.Dialogs;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Catalog;

/// <summary>
/// Editors keep the catalog: add, rename, reorder and delete components; add, edit, move, reorder, retire, reinstate
/// and delete categories. Reordering is done with buttons, so it works from the keyboard.
/// </summary>
public partial class CatalogPage
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private CatalogModel? _catalog;
    private string? _message;
    private bool _succeeded;
    private bool _busy;

    [Inject]
    public required CatalogService Catalog { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private Task AddComponentAsync()
    {
        var model = new ComponentFormModel();
        return ShowFormAsync<ComponentDialog, ComponentFormModel>(
            "Agregar componente", model, m => Catalog.AddComponentAsync(m), () => $"Se agregó el componente «{model.Name.Trim()}».", saveText: "Agregar");
    }

    private Task RenameComponentAsync(CatalogComponent component)
    {
        var model = new ComponentFormModel { Name = component.Name };
        return ShowFormAsync<ComponentDialog, ComponentFormModel>(
            $"Renombrar «{component.Name}»", model, m => Catalog.RenameComponentAsync(component.Id, m),
            () => $"El componente «{component.Name}» se llama ahora «{model.Name.Trim()}».");
    }

    private Task MoveComponentAsync(CatalogComponent component, MoveDirection direction) =>
        RunAsync(() => Catalog.MoveComponentAsync(component.Id, direction), $"Se movió el componente «{component.Name}» {Where(direction)}.");

    private async Task DeleteComponentAsync(CatalogComponent component)
    {
        // A component with categories is refused by the service, whose message says what to do: no question first.
        if (component.Categories.Count == 0 && !await ConfirmAsync("Eliminar componente", $"Se eliminará el componente «{component.Name}».", "Eliminar"))
        {
            return;
        }

        await RunAsync(() => Catalog.DeleteComponentAsync(component.Id), $"Se eliminó el componente «{component.Name}».");
    }

    private Task AddCategoryAsync(CatalogComponent component)
    {
        var model = new CategoryFormModel { ComponentId = component.Id };
        return ShowFormAsync<CategoryDialog, CategoryFormModel>(
            $"Agregar categoría a «{component.Name}»", model, m => Catalog.AddCategoryAsync(m), () => $"Se agregó la categoría «{model.Name.Trim()}».",
            saveText: "Agregar", extra: p => p.Add(nameof(CategoryDialog.Components), _catalog!.Components));
    }

    private Task EditCategoryAsync(CatalogCategory category)
    {
        var model = CategoryFormModel.From(category);
        return ShowFormAsync<CategoryDialog, CategoryFormModel>(
            $"Editar «{category.Name}»", model, m => Catalog.UpdateCategoryAsync(category.Id, m), () => $"Se guardaron los cambios de «{model.Name.Trim()}».",
            extra: p => p.Add(nameof(CategoryDialog.Components), _catalog!.Components));
    }

    private Task MoveCategoryAsync(CatalogCategory category, MoveDirection direction) =>
        RunAsync(() => Catalog.MoveCategoryAsync(category.Id, direction), $"Se movió «{category.Name}» {Where(direction)}.");

    private Task RetireCategoryAsync(CatalogCategory category)
    {
        var model = new RetireFormModel();
        return ShowFormAsync<RetireCategoryDialog, RetireFormModel>(
            $"Retirar «{category.Name}»", model, m => Catalog.RetireCategoryAsync(category.Id, m.Vigencia!.Value),
            () => $"«{category.Name}» quedó retirada desde la vigencia {model.Vigencia}; su historial se conserva.",
            saveText: "Retirar", extra: p => p.Add(nameof(RetireCategoryDialog.CategoryName), category.Name));
    }

    private Task ReinstateCategoryAsync(CatalogCategory category) =>
        RunAsync(() => Catalog.ReinstateCategoryAsync(category.Id), $"«{category.Name}» vuelve a aplicar.");

    private async Task DeleteCategoryAsync(CatalogCategory category)
    {
        // With scores or findings the service refuses and says it can only be retired: no question first.
        var deletable = category.ScoreCount == 0 && category.FindingCount == 0;
        if (deletable && !await ConfirmAsync("Eliminar categoría", $"Se eliminará la categoría «{category.Name}» con sus metas.", "Eliminar"))
        {
            return;
        }

        await RunAsync(() => Catalog.DeleteCategoryAsync(category.Id), $"Se eliminó la categoría «{category.Name}».");
    }

    /// <summary>Opens a form dialog whose save goes through the service; on success, reports and reloads.</summary>
    private async Task ShowFormAsync<TDialog, TModel>(
        string title,
        TModel model,
        Func<TModel, Task<EditResult>> save,
        Func<string> successMessage,
        string saveText = "Guardar",
        Action<DialogParameters>? extra = null)
        where TDialog : FormDialogBase<TModel>
        where TModel : class
    {
        var parameters = new DialogParameters
        {
            { nameof(FormDialogBase<TModel>.Model), model },
            { nameof(FormDialogBase<TModel>.Save), (Func<TModel, Task<EditResult>>)(m => GuardedAsync(() => save(m))) },
            { nameof(FormDialogBase<TModel>.SaveText), saveText },
        };
        extra?.Invoke(parameters);
        _message = null;
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, DialogOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Report(true, successMessage());
            await ReloadAsync();
        }
    }

    /// <summary>Runs one change from a button: a refusal becomes the message; the catalog is read again either way.</summary>
    private async Task RunAsync(Func<Task<EditResult>> change, string successMessage)
    {
        _message = null;
        _busy = true;
        try
        {
            var result = await GuardedAsync(change);
            Report(result.Succeeded, result.Succeeded ? successMessage : result.Error);
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private static async Task<EditResult> GuardedAsync(Func<Task<EditResult>> change)
    {
        try
        {
            return await change();
        }
        catch (AccessDeniedException ex)
        {
            return EditResult.Fail(ex.Message);
        }
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: "Cancelar") == true;

    private async Task ReloadAsync() => _catalog = await Catalog.GetAsync();

    private void Report(bool succeeded, string? message)
    {
        _succeeded = succeeded;
        _message = message ?? "No se pudo completar la operación.";
    }

    private static string Where(MoveDirection direction) => direction == MoveDirection.Up ? "un lugar arriba" : "un lugar abajo";
}
