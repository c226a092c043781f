using FluentValidation;

namespace GobiernoDigital.Core.Validation;

/// <summary>One cell of the peer-average grid as typed: "62,4", "62.4", or empty for no value.</summary>
public sealed class PeerAverageInput
{
    public string? Text { get; set; }

    /// <summary>True when the cell is empty: no peer average for that category and vigencia.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>The value, or null when the cell is empty; call only after <see cref="PeerAverageValidator"/> passed.</summary>
    public decimal? ToValue() => NumberText.Parse(Text);
}

/// <summary>Validates a peer-average cell; used by the grid (next to each cell) and by the service before saving.</summary>
public sealed class PeerAverageValidator : AbstractValidator<PeerAverageInput>
{
    public PeerAverageValidator() => RuleFor(m => m.Text).ValidPeerAverage();

    /// <summary>The Spanish messages for <paramref name="text"/>; empty when it is valid. MudBlazor's per-field <c>Validation</c>.</summary>
    public IEnumerable<string> Messages(string? text) =>
        Validate(new PeerAverageInput { Text = text }).Errors.Select(e => e.ErrorMessage);
}
