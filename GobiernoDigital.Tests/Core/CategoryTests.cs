using GobiernoDigital.Core.Domain;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class CategoryTests
{
    [Fact]
    public void Constructor_AddsTheCategoryToItsComponent()
    {
        var component = new Component("TIC para la Gestión", 3);

        var estrategia = new Category("Estrategia de TI", "Estrategia de TI", CategoryKind.Proceso, component, 7);
        var gobierno = new Category("Gobierno de TI", "Gobierno de TI", CategoryKind.Proceso, component, 8);

        Assert.Same(component, estrategia.Component);
        Assert.Equal([estrategia, gobierno], component.Categories);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(100.5)]
    public void Constructor_WeightNotAboveZeroOrAbove100_ThrowsDomainException(double weight)
    {
        var component = new Component("TIC para Servicios", 2);

        Assert.Throws<DomainException>(() => new Category("Trámites", "Trámites", CategoryKind.Proceso, component, 1, (decimal)weight));
        Assert.Empty(component.Categories);
    }

    [Fact]
    public void Constructor_ShortLabelLongerThan24_ThrowsDomainException()
    {
        var component = new Component("Seguridad", 4);

        Assert.Throws<DomainException>(() => new Category("Marco", new string('x', Category.ShortLabelMaxLength + 1), CategoryKind.Proceso, component, 1));
    }

    [Theory]
    [InlineData(null, null, 2023, true)]
    [InlineData(2024, null, 2023, false)] // not yet in the catalog
    [InlineData(2024, null, 2024, true)]
    [InlineData(null, 2024, 2023, true)]
    [InlineData(null, 2024, 2024, false)] // retired from 2024 on; its history stays
    public void AppliesTo_Vigencia_FollowsFirstAndRetiredVigencias(int? first, int? retired, int vigencia, bool expected)
    {
        var category = new Category("Gobernanza", "Gobernanza", CategoryKind.Proceso, new Component("Gobierno Digital", 1), 1, firstVigencia: first, retiredFromVigencia: retired);

        Assert.Equal(expected, category.AppliesTo(vigencia));
    }

    [Fact]
    public void Constructor_RetiredNotAfterFirst_ThrowsDomainException()
    {
        Assert.Throws<DomainException>(() => new Category("Gobernanza", "Gobernanza", CategoryKind.Proceso, new Component("Gobierno Digital", 1), 1, firstVigencia: 2024, retiredFromVigencia: 2024));
    }
}
