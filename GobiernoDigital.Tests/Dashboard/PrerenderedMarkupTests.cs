using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class PrerenderedMarkupTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    private PrerenderedMarkup Markup => new(_services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

    [Fact]
    public async Task GetAsync_SameModelTwice_RendersOnceAndReturnsTheSameMarkup()
    {
        var markup = Markup;
        var model = new Figures("40,0 %");

        var first = await markup.GetAsync<FiguresView>(model, nameof(FiguresView.Model));
        var second = await markup.GetAsync<FiguresView>(model, nameof(FiguresView.Model));

        Assert.Equal("<p class=\"figure\">40,0 %</p>", first.Value);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(1, model.Renders);
    }

    [Fact]
    public async Task GetAsync_AnotherModel_RendersItsOwnFigures()
    {
        var markup = Markup;
        await markup.GetAsync<FiguresView>(new Figures("40,0 %"), nameof(FiguresView.Model));

        var changed = await markup.GetAsync<FiguresView>(new Figures("47,5 %"), nameof(FiguresView.Model));

        Assert.Equal("<p class=\"figure\">47,5 %</p>", changed.Value);
    }

    [Fact]
    public async Task GetAsync_TextTypedByAnEditor_IsEncodedNotMarkup()
    {
        // The shared markup is the renderer's own output: text from the database arrives encoded, never as HTML.
        var markup = await Markup.GetAsync<FiguresView>(new Figures("<script>alert(1)</script>"), nameof(FiguresView.Model));

        Assert.Equal("<p class=\"figure\">&lt;script&gt;alert(1)&lt;/script&gt;</p>", markup.Value);
    }

    [Fact]
    public async Task GetAsync_RenderingFailedOnce_TheNextRequestRendersAgain()
    {
        var markup = Markup;
        var model = new Figures("40,0 %") { FailNextRender = true };

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => markup.GetAsync<FiguresView>(model, nameof(FiguresView.Model)));
        var retried = await markup.GetAsync<FiguresView>(model, nameof(FiguresView.Model));

        Assert.Equal("<p class=\"figure\">40,0 %</p>", retried.Value);
    }

    public void Dispose() => _services.Dispose();

    private sealed class Figures(string percentage)
    {
        public string Percentage { get; } = percentage;

        public int Renders { get; set; }

        public bool FailNextRender { get; set; }
    }

    private sealed class FiguresView : ComponentBase
    {
        [Parameter]
        public Figures Model { get; set; } = null!;

        protected override void OnParametersSet()
        {
            Model.Renders++;
            if (Model.FailNextRender)
            {
                Model.FailNextRender = false;
                throw new InvalidOperationException("La base de datos no respondió.");
            }
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "figure");
            builder.AddContent(2, Model.Percentage);
            builder.CloseElement();
        }
    }
}
