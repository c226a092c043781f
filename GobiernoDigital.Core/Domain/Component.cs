namespace GobiernoDigital.Core.Domain;

/// <summary>A group of categories (e.g. "TIC para la Gestión"). The catalog is data: the advisor edits it.</summary>
public sealed class Component
{
    private readonly List<Category> _categories = [];

    private Component()
    {
        Name = string.Empty;
    }

    public Component(string name, int displayOrder)
    {
        Name = Guard.Text(name, "El nombre del componente", 200);
        DisplayOrder = displayOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int DisplayOrder { get; private set; }

    public IReadOnlyList<Category> Categories => _categories;

    /// <summary>Gives the component a new name (at most 200 characters).</summary>
    public void Rename(string name) => Name = Guard.Text(name, "El nombre del componente", 200);

    /// <summary>Sets the place of the component in every list and chart (lower first).</summary>
    public void SetDisplayOrder(int displayOrder) => DisplayOrder = displayOrder;

    /// <summary>Called by the <see cref="Category"/> constructor, so a new category is listed by its component at once.</summary>
    internal void Add(Category category) => _categories.Add(category);

    /// <summary>Called by <see cref="Category.MoveTo"/>.</summary>
    internal void Remove(Category category) => _categories.Remove(category);
}
