using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>Up or down in a list.</summary>
public enum MoveDirection
{
    Up = -1,
    Down = 1,
}

/// <summary>
/// Reads and changes the catalog: components and categories, their order, labels, weights and the vigencias they apply
/// to. Every change is guarded by <see cref="Policies.EditarCatalogo"/> and audited in the same transaction.
/// </summary>
/// <remarks>
/// Names are unique once accents, case and extra spaces are ignored (<see cref="ScoreCell.Normalize"/>), because the
/// import matches categories that way. A category with scores or plan findings is never deleted, only retired, so its
/// history stays.
/// </remarks>
public sealed class CatalogService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    private const string ConcurrentChange =
        "No se pudo guardar: el catálogo cambió mientras tanto (quizá otra persona lo editó). Recargue la página e intente de nuevo.";

    private readonly ComponentFormValidator _componentValidator = new();
    private readonly CategoryFormValidator _categoryValidator = new();

    /// <summary>Every component in order, each with its categories in order and how many scores and findings each has.</summary>
    public async Task<CatalogModel> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var components = await db.Components.AsNoTracking()
            .Include(c => c.Categories)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var scoreCounts = await db.Scores.AsNoTracking()
            .GroupBy(s => s.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var findingCounts = await db.Findings.AsNoTracking()
            .GroupBy(f => f.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        return new CatalogModel(components
            .Select(component => new CatalogComponent(
                component.Id,
                component.Name,
                InOrder(component.Categories)
                    .Select(c => new CatalogCategory(
                        c.Id, c.Name, c.ShortLabel, c.Kind, component.Id, c.Weight, c.FirstVigencia, c.RetiredFromVigencia,
                        scoreCounts.GetValueOrDefault(c.Id), findingCounts.GetValueOrDefault(c.Id)))
                    .ToList()))
            .ToList());
    }

    /// <summary>Adds a component at the end.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> AddComponentAsync(ComponentFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            if (Invalid(_componentValidator.Validate(form)) is { } error)
            {
                return error;
            }

            var components = await db.Components.ToListAsync(cancellationToken);
            if (ComponentNamed(components, form.Name, exceptId: null) is { } existing)
            {
                return DuplicateComponent(existing);
            }

            db.Components.Add(new Component(form.Name, components.Select(c => c.DisplayOrder).DefaultIfEmpty(0).Max() + 1));
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>Gives a component a new name.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> RenameComponentAsync(int componentId, ComponentFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            if (Invalid(_componentValidator.Validate(form)) is { } error)
            {
                return error;
            }

            var components = await db.Components.ToListAsync(cancellationToken);
            var component = components.Find(c => c.Id == componentId);
            if (component is null)
            {
                return ComponentNotFound;
            }

            if (ComponentNamed(components, form.Name, exceptId: componentId) is { } existing)
            {
                return DuplicateComponent(existing);
            }

            component.Rename(form.Name);
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>Moves a component one place up or down in every list and chart.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> MoveComponentAsync(int componentId, MoveDirection direction, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            var components = await db.Components.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var index = components.FindIndex(c => c.Id == componentId);
            if (index < 0)
            {
                return ComponentNotFound;
            }

            return Swap(components, index, direction, c => c.DisplayOrder, (c, order) => c.SetDisplayOrder(order))
                ? EditResult.Ok
                : EditResult.Fail($"El componente «{components[index].Name}» ya es el {(direction == MoveDirection.Up ? "primero" : "último")}.");
        }, cancellationToken);

    /// <summary>Deletes a component that has no categories.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> DeleteComponentAsync(int componentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            var component = await db.Components.FirstOrDefaultAsync(c => c.Id == componentId, cancellationToken);
            if (component is null)
            {
                return ComponentNotFound;
            }

            var categories = await db.Categories.CountAsync(c => c.ComponentId == componentId, cancellationToken);
            if (categories > 0)
            {
                return EditResult.Fail(
                    $"El componente «{component.Name}» tiene {(categories == 1 ? "1 categoría" : $"{categories} categorías")}: " +
                    "muévalas a otro componente o elimínelas antes de eliminarlo.");
            }

            db.Components.Remove(component);
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>Adds a category at the end of its component.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> AddCategoryAsync(CategoryFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            if (Invalid(_categoryValidator.Validate(form)) is { } error)
            {
                return error;
            }

            var components = await db.Components.Include(c => c.Categories).ToListAsync(cancellationToken);
            var component = components.Find(c => c.Id == form.ComponentId);
            if (component is null)
            {
                return ComponentNotFound;
            }

            if (CategoryNamed(components, form.Name, exceptId: null) is { } existing)
            {
                return DuplicateCategory(existing);
            }

            _ = new Category(form.Name, form.ShortLabel, form.Kind, component, LastOrderIn(component) + 1, form.Weight, firstVigencia: form.FirstVigencia);
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>
    /// Changes a category's name, short label, kind, weight and first vigencia, and moves it to another component
    /// (where it goes last) when the form names another one.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> UpdateCategoryAsync(int categoryId, CategoryFormModel form, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            if (Invalid(_categoryValidator.Validate(form)) is { } error)
            {
                return error;
            }

            var components = await db.Components.Include(c => c.Categories).ToListAsync(cancellationToken);
            var category = components.SelectMany(c => c.Categories).FirstOrDefault(c => c.Id == categoryId);
            var component = components.Find(c => c.Id == form.ComponentId);
            if (category is null)
            {
                return CategoryNotFound;
            }

            if (component is null)
            {
                return ComponentNotFound;
            }

            if (CategoryNamed(components, form.Name, exceptId: categoryId) is { } existing)
            {
                return DuplicateCategory(existing);
            }

            if (form.FirstVigencia is { } first && first != category.FirstVigencia)
            {
                var earlier = await ScoredVigenciasAsync(db, categoryId, v => v < first, cancellationToken);
                if (earlier.Count > 0)
                {
                    return EditResult.Fail(
                        $"«{category.Name}» tiene puntajes en {Applicability.ListVigencias(earlier)}: " +
                        $"su primera vigencia no puede ser posterior a {earlier[0]}.");
                }
            }

            category.Rename(form.Name);
            category.SetShortLabel(form.ShortLabel);
            category.SetKind(form.Kind);
            category.SetWeight(form.Weight);
            category.SetApplicability(form.FirstVigencia, category.RetiredFromVigencia);
            if (category.ComponentId != component.Id)
            {
                category.MoveTo(component, LastOrderIn(component) + 1);
            }

            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>Moves a category one place up or down inside its component.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> MoveCategoryAsync(int categoryId, MoveDirection direction, CancellationToken cancellationToken = default) =>
        ChangeAsync(async db =>
        {
            var componentId = await db.Categories.Where(c => c.Id == categoryId).Select(c => (int?)c.ComponentId).FirstOrDefaultAsync(cancellationToken);
            if (componentId is null)
            {
                return CategoryNotFound;
            }

            var siblings = InOrder(await db.Categories.Where(c => c.ComponentId == componentId).ToListAsync(cancellationToken)).ToList();
            var index = siblings.FindIndex(c => c.Id == categoryId);
            return Swap(siblings, index, direction, c => c.DisplayOrder, (c, order) => c.SetDisplayOrder(order))
                ? EditResult.Ok
                : EditResult.Fail($"«{siblings[index].Name}» ya es la {(direction == MoveDirection.Up ? "primera" : "última")} de su componente.");
        }, cancellationToken);

    /// <summary>
    /// Retires a category from <paramref name="vigencia"/> on: it no longer applies then and its history stays.
    /// Refused when it has scores in that vigencia or later.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> RetireCategoryAsync(int categoryId, int vigencia, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(categoryId, async (db, category) =>
        {
            var later = await ScoredVigenciasAsync(db, categoryId, v => v >= vigencia, cancellationToken);
            if (later.Count > 0)
            {
                return EditResult.Fail(
                    $"No se puede retirar «{category.Name}» desde {vigencia}: tiene puntajes en {Applicability.ListVigencias(later)}. " +
                    $"Elija una vigencia posterior a {later[^1]}.");
            }

            category.Retire(vigencia);
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>Makes a retired category apply again from its first vigencia on.</summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> ReinstateCategoryAsync(int categoryId, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(categoryId, (_, category) =>
        {
            if (!category.IsRetired)
            {
                return Task.FromResult(EditResult.Fail($"«{category.Name}» no está retirada."));
            }

            category.Reinstate();
            return Task.FromResult(EditResult.Ok);
        }, cancellationToken);

    /// <summary>
    /// Deletes a category that has no scores and no plan findings, with its metas. Otherwise it can only be retired.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not edit the catalog: nothing changes.</exception>
    public Task<EditResult> DeleteCategoryAsync(int categoryId, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(categoryId, async (db, category) =>
        {
            var scored = await ScoredVigenciasAsync(db, categoryId, _ => true, cancellationToken);
            var findings = await db.Findings.CountAsync(f => f.CategoryId == categoryId, cancellationToken);
            if (scored.Count > 0 || findings > 0)
            {
                var reasons = new[]
                {
                    scored.Count > 0 ? $"puntajes en {Applicability.ListVigencias(scored)}" : null,
                    findings > 0 ? (findings == 1 ? "1 hallazgo del plan de mejoramiento" : $"{findings} hallazgos del plan de mejoramiento") : null,
                }.Where(r => r is not null);
                return EditResult.Fail(
                    $"«{category.Name}» tiene {string.Join(" y ", reasons)}: no se puede eliminar, solo retirar desde una vigencia; su historial se conserva.");
            }

            db.Targets.RemoveRange(await db.Targets.Where(t => t.CategoryId == categoryId).ToListAsync(cancellationToken));
            db.PeerAverages.RemoveRange(await db.PeerAverages.Where(p => p.CategoryId == categoryId).ToListAsync(cancellationToken));
            db.Categories.Remove(category);
            return EditResult.Ok;
        }, cancellationToken);

    /// <summary>
    /// Demands the policy, runs <paramref name="change"/> on an audited context and saves only when it succeeded.
    /// A domain rule or a concurrent change becomes the result's message; nothing is saved then.
    /// </summary>
    private async Task<EditResult> ChangeAsync(Func<GobiernoDigitalDbContext, Task<EditResult>> change, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandAsync(Policies.EditarCatalogo);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        db.Clock = clock;
        try
        {
            var result = await change(db);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
        catch (DomainException ex)
        {
            return EditResult.Fail(ex.Message);
        }
        catch (DbUpdateException)
        {
            return EditResult.Fail(ConcurrentChange);
        }
    }

    /// <summary><see cref="ChangeAsync"/> on one category, tracked; an unknown id is refused.</summary>
    private Task<EditResult> ChangeCategoryAsync(
        int categoryId, Func<GobiernoDigitalDbContext, Category, Task<EditResult>> change, CancellationToken cancellationToken) =>
        ChangeAsync(async db =>
            await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken) is { } category
                ? await change(db, category)
                : CategoryNotFound,
            cancellationToken);

    private static EditResult ComponentNotFound => EditResult.Fail("El componente no existe; quizá otra persona lo eliminó. Recargue la página.");

    private static EditResult CategoryNotFound => EditResult.Fail("La categoría no existe; quizá otra persona la eliminó. Recargue la página.");

    private static EditResult? Invalid(FluentValidation.Results.ValidationResult validation) =>
        validation.IsValid ? null : EditResult.Fail(validation.Errors[0].ErrorMessage);

    private static EditResult DuplicateComponent(Component existing) =>
        EditResult.Fail($"Ya existe el componente «{existing.Name}»: los nombres se comparan sin tildes, mayúsculas ni espacios de más.");

    private static EditResult DuplicateCategory(Category existing) =>
        EditResult.Fail(
            $"Ya existe la categoría «{existing.Name}» (en «{existing.Component.Name}»): los nombres se comparan sin tildes, " +
            "mayúsculas ni espacios de más, como en la importación.");

    private static Component? ComponentNamed(IEnumerable<Component> components, string name, int? exceptId)
    {
        var key = ScoreCell.Normalize(name);
        return components.FirstOrDefault(c => c.Id != exceptId && ScoreCell.Normalize(c.Name) == key);
    }

    private static Category? CategoryNamed(IEnumerable<Component> components, string name, int? exceptId)
    {
        var key = ScoreCell.Normalize(name);
        return components.SelectMany(c => c.Categories).FirstOrDefault(c => c.Id != exceptId && ScoreCell.Normalize(c.Name) == key);
    }

    private static IEnumerable<Category> InOrder(IEnumerable<Category> categories) =>
        categories.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id);

    private static int LastOrderIn(Component component) =>
        component.Categories.Select(c => c.DisplayOrder).DefaultIfEmpty(0).Max();

    /// <summary>The vigencias, oldest first, in which the category has a score row that <paramref name="matches"/>.</summary>
    private static async Task<IReadOnlyList<int>> ScoredVigenciasAsync(
        GobiernoDigitalDbContext db, int categoryId, Func<int, bool> matches, CancellationToken cancellationToken)
    {
        var vigencias = await db.Measurements.AsNoTracking()
            .Where(m => m.Scores.Any(s => s.CategoryId == categoryId))
            .Select(m => m.Vigencia)
            .OrderBy(v => v)
            .ToListAsync(cancellationToken);
        return vigencias.Where(matches).ToList();
    }

    /// <summary>
    /// Swaps the item at <paramref name="index"/> with its neighbour in <paramref name="direction"/>; false at either end.
    /// Orders that tie are first renumbered by position, so only the two rows that moved usually change.
    /// </summary>
    private static bool Swap<T>(List<T> ordered, int index, MoveDirection direction, Func<T, int> orderOf, Action<T, int> setOrder)
    {
        var other = index + (int)direction;
        if (other < 0 || other >= ordered.Count)
        {
            return false;
        }

        if (ordered.Select(orderOf).Distinct().Count() != ordered.Count)
        {
            var first = orderOf(ordered[0]);
            for (var i = 0; i < ordered.Count; i++)
            {
                setOrder(ordered[i], first + i);
            }
        }

        var orderAtIndex = orderOf(ordered[index]);
        setOrder(ordered[index], orderOf(ordered[other]));
        setOrder(ordered[other], orderAtIndex);
        return true;
    }
}
