using FluentValidation;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Validation;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// What the measurement form holds: the header as typed and one row per category that applies to the vigencia,
/// numbers as typed ("45,5" or "45.5").
/// </summary>
public sealed class MeasurementFormModel
{
    /// <summary>The year measured; null while the field is empty.</summary>
    public int? Vigencia { get; set; }

    /// <summary>When the result was obtained; a <see cref="DateTime"/> for MudDatePicker, of which only the date counts. Optional.</summary>
    public DateTime? Date { get; set; }

    public MeasurementSource Source { get; set; } = Measurement.DefaultSource;

    /// <summary>Provisional or definitiva; a new measurement starts provisional.</summary>
    public MeasurementState State { get; set; } = Measurement.DefaultState;

    /// <summary>The official <em>Índice de Gobierno Digital</em> as typed; empty when not known.</summary>
    public string? OfficialIndexText { get; set; }

    /// <summary>The revision the measurement had when the form was read (0 for a new one): the concurrency check of saving and deleting.</summary>
    public int Revision { get; set; }

    /// <summary>The vigencia whose scores <see cref="MeasurementRowModel.PreviousScore"/> shows; null when there is none before.</summary>
    public int? PreviousVigencia { get; set; }

    /// <summary>One row per category that applies to the vigencia, by component and then by category order.</summary>
    public List<MeasurementRowModel> Rows { get; set; } = [];

    /// <summary>True when some row has a score of <see cref="PreviousVigencia"/> to start from.</summary>
    public bool CanStartFromPrevious => PreviousVigencia is not null && Rows.Any(r => r.PreviousInput is not null);

    /// <summary>
    /// Fills every row that has one with the status and score of <see cref="PreviousVigencia"/> («Partir de la medición
    /// de 2024»), so that only the scores that changed need typing. Observations typed stay. Returns the rows filled.
    /// </summary>
    public int StartFromPrevious()
    {
        var filled = 0;
        foreach (var row in Rows)
        {
            if (row.PreviousInput is { } previous)
            {
                row.Input.Status = previous.Status;
                row.Input.ScoreText = previous.ScoreText;
                filled++;
            }
        }

        return filled;
    }

    /// <summary>The date as the domain keeps it.</summary>
    public DateOnly? DateValue => Date is { } date ? DateOnly.FromDateTime(date) : null;

    /// <summary>The official index; call only after the validator passed.</summary>
    public decimal? OfficialIndex => NumberText.Parse(OfficialIndexText);
}

/// <summary>One category's row of the measurement form: which category, and its score as typed.</summary>
public sealed class MeasurementRowModel
{
    public required int CategoryId { get; init; }

    public required string CategoryName { get; init; }

    public required string ComponentName { get; init; }

    /// <summary>
    /// The category's score in the form's previous vigencia ("40,0", "No aplica" or "Sin medición"); null when there is
    /// no previous vigencia or the category did not apply to it.
    /// </summary>
    public string? PreviousScore { get; init; }

    /// <summary>
    /// The category's status and score in the form's previous vigencia, as the form types them ("40,0"); null when there
    /// is no previous vigencia or the category did not apply to it. What «Partir de la medición de…» copies.
    /// </summary>
    public ScoreRowInput? PreviousInput { get; init; }

    /// <summary>Status, score text and observation; checked by the shared <see cref="ScoreRowValidator"/>.</summary>
    public ScoreRowInput Input { get; init; } = new();
}

/// <summary>
/// Spanish messages for the measurement form, shown next to each field by MudForm. Every row is checked by the same
/// <see cref="ScoreRowValidator"/> as an import row, so the same input gets the same message on both paths.
/// </summary>
public sealed class MeasurementFormValidator : AbstractValidator<MeasurementFormModel>
{
    public const string NoRows = "No hay categorías que apliquen a esta vigencia: revise el catálogo.";

    public MeasurementFormValidator(TimeProvider clock)
    {
        RuleFor(m => m.Vigencia).ValidVigencia();
        RuleFor(m => m.Date)
            .Cascade(CascadeMode.Stop)
            .WithinDateBounds()
            .Must((m, date) => date is null || m.Vigencia is not { } v || v is < Measurement.MinVigencia or > Measurement.MaxVigencia
                                || DateOnly.FromDateTime(date.Value) >= new DateOnly(v, 1, 1))
            .WithMessage(m => $"La fecha no puede ser anterior al 01/01/{m.Vigencia}, el inicio de la vigencia.")
            .Must(date => date is null || DateOnly.FromDateTime(date.Value) <= EsCo.Today(clock))
            .WithMessage(_ => $"La fecha no puede ser posterior a hoy ({EsCo.Date(EsCo.Today(clock))}).");
        RuleFor(m => m.Source).IsInEnum().WithMessage("Elija la fuente de la medición.");
        RuleFor(m => m.State).IsInEnum().WithMessage("Elija el estado de la medición: provisional o definitiva.");
        RuleFor(m => m.OfficialIndexText).ValidOfficialIndex();
        RuleFor(m => m.Rows).NotEmpty().WithMessage(NoRows);
        RuleForEach(m => m.Rows).SetValidator(new MeasurementRowValidator());
    }

    /// <summary>The per-field validation MudForm calls for the header fields.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => this.ValidateValueFor();
}

/// <summary>A row of the measurement form: its <see cref="ScoreRowInput"/> by the shared <see cref="ScoreRowValidator"/>.</summary>
public sealed class MeasurementRowValidator : AbstractValidator<MeasurementRowModel>
{
    private readonly ScoreRowValidator _scoreRow = new();

    public MeasurementRowValidator() => RuleFor(r => r.Input).SetValidator(_scoreRow);

    /// <summary>
    /// The messages of one field of a row (<c>nameof(ScoreRowInput.ScoreText)</c>, <c>nameof(ScoreRowInput.Observation)</c>):
    /// the form gives each row field this check, since MudForm's own model path cannot reach into a list.
    /// </summary>
    public async Task<IEnumerable<string>> MessagesForAsync(ScoreRowInput input, string propertyName)
    {
        var result = await _scoreRow.ValidateAsync(input, options => options.IncludeProperties(propertyName));
        return result.Errors.Select(e => e.ErrorMessage);
    }
}
