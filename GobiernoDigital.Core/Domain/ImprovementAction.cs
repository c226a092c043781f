namespace GobiernoDigital.Core.Domain;

/// <summary>The follow-up status of an action. <see cref="Vencida"/> is never stored: it is derived from the end date.</summary>
public enum ActionStatus
{
    NoIniciada = 0,
    EnCurso = 1,
    Completada = 2,
    Cancelada = 3,

    /// <summary>Derived only (<see cref="ImprovementAction.StatusOn"/>): the end date passed and the action is neither completed nor cancelled.</summary>
    Vencida = 4,
}

/// <summary>
/// An improvement action (<em>acción de mejora</em>) under a finding of the plan: what is done, by whom, when, how far
/// it went, with dated evidence, and how many points of its category's score it is expected to add.
/// </summary>
/// <remarks>
/// Invariants: the end date is not before the start date; progress is 0–100; the expected points are 0–100 with at
/// most one decimal; a completed action has at least one piece of evidence and 100 % progress.
/// </remarks>
public sealed class ImprovementAction
{
    public const int DescriptionMaxLength = 4000;
    public const int ResponsibleMaxLength = 200;

    private readonly List<ActionEvidence> _evidence = [];

    private ImprovementAction()
    {
        Description = string.Empty;
    }

    internal ImprovementAction(Finding finding, string description, string? responsible, DateRange dates, decimal? expectedPoints, int displayOrder)
    {
        Finding = finding;
        Description = Guard.Text(description, "La descripción de la acción", DescriptionMaxLength);
        SetResponsible(responsible);
        SetDates(dates);
        SetExpectedPoints(expectedPoints);
        Status = ActionStatus.NoIniciada;
        DisplayOrder = displayOrder;
    }

    public int Id { get; private set; }

    public int FindingId { get; private set; }

    public Finding Finding { get; private set; } = null!;

    public string Description { get; private set; }

    /// <summary>The person or office in charge; null until someone is named (the seed names no one).</summary>
    public string? Responsible { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>The stored status; never <see cref="ActionStatus.Vencida"/> (see <see cref="StatusOn"/>).</summary>
    public ActionStatus Status { get; private set; }

    /// <summary>0–100 %.</summary>
    public int Progress { get; private set; }

    /// <summary>Points of its category's score (0–100 scale) the action is expected to add; null when not estimated.</summary>
    public decimal? ExpectedPoints { get; private set; }

    /// <summary>When it was completed (the date of the closing evidence); null unless completed.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public int DisplayOrder { get; private set; }

    /// <summary>Grows by one on every save; the concurrency token of the action and its evidence.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<ActionEvidence> Evidence => _evidence;

    /// <summary>
    /// The status as the plan page shows it on <paramref name="today"/>: <see cref="ActionStatus.Vencida"/> when the end
    /// date is before today and the action is neither completed nor cancelled; otherwise the stored status.
    /// </summary>
    public ActionStatus StatusOn(DateOnly today) => IsLate(Status, EndDate, today) ? ActionStatus.Vencida : Status;

    /// <summary>The rule of <see cref="StatusOn"/>, for callers that hold only the stored fields.</summary>
    public static bool IsLate(ActionStatus stored, DateOnly endDate, DateOnly today) =>
        stored is ActionStatus.NoIniciada or ActionStatus.EnCurso && endDate < today;

    public void SetDescription(string description) =>
        Description = Guard.Text(description, "La descripción de la acción", DescriptionMaxLength);

    public void SetResponsible(string? responsible) =>
        Responsible = string.IsNullOrWhiteSpace(responsible) ? null : Guard.Text(responsible, "El responsable", ResponsibleMaxLength);

    public void SetDates(DateRange dates)
    {
        StartDate = dates.Start;
        EndDate = dates.End;
    }

    public void SetExpectedPoints(decimal? points)
    {
        if (points is { } p && (p is < 0m or > 100m || decimal.Round(p, 1) != p))
        {
            throw new DomainException("Los puntos esperados deben estar entre 0 y 100, con un decimal como máximo.");
        }

        ExpectedPoints = points;
    }

    /// <summary>Sets the follow-up of an open action: not started, in progress or cancelled, with its progress.</summary>
    /// <exception cref="DomainException">The status is Completada (use <see cref="Complete"/>) or Vencida (derived), or the progress is outside 0–100.</exception>
    public void SetFollowUp(ActionStatus status, int progress)
    {
        if (status == ActionStatus.Vencida)
        {
            throw new DomainException("«Vencida» no se asigna: se calcula cuando la fecha final pasó y la acción no está completada.");
        }

        if (status == ActionStatus.Completada)
        {
            throw new DomainException("Para completar una acción, ciérrela con su evidencia.");
        }

        Status = status;
        Progress = ValidProgress(progress);
        CompletedOn = null;
    }

    /// <summary>Closes the action on <paramref name="completedOn"/>; it needs at least one piece of evidence.</summary>
    public void Complete(DateOnly completedOn)
    {
        if (_evidence.Count == 0)
        {
            throw new DomainException("Una acción completada necesita al menos una evidencia (un enlace o una nota).");
        }

        Status = ActionStatus.Completada;
        Progress = 100;
        CompletedOn = completedOn;
    }

    /// <summary>Adds a dated piece of evidence: a link (http or https), a note, or both.</summary>
    public ActionEvidence AddEvidence(DateOnly date, string? url, string? note, string? recordedBy)
    {
        var evidence = new ActionEvidence(date, url, note, recordedBy);
        _evidence.Add(evidence);
        return evidence;
    }

    /// <summary>Removes a piece of evidence; a completed action keeps at least one.</summary>
    public void RemoveEvidence(ActionEvidence evidence)
    {
        if (Status == ActionStatus.Completada && _evidence.Count == 1 && _evidence.Contains(evidence))
        {
            throw new DomainException("Una acción completada necesita al menos una evidencia; reábrala antes de quitar la última.");
        }

        _evidence.Remove(evidence);
    }

    /// <summary>Marks the action as changed, so that saving it bumps <see cref="Revision"/>. Call once per save.</summary>
    public void Touch() => Revision++;

    /// <summary>A copy for a re-issued plan: same texts, dates, follow-up and evidence.</summary>
    internal ImprovementAction CopyFor(Finding finding)
    {
        var copy = new ImprovementAction(finding, Description, Responsible, new DateRange(StartDate, EndDate), ExpectedPoints, DisplayOrder)
        {
            Status = Status,
            Progress = Progress,
            CompletedOn = CompletedOn,
        };
        foreach (var e in _evidence)
        {
            copy._evidence.Add(new ActionEvidence(e.Date, e.Url, e.Note, e.RecordedBy));
        }

        return copy;
    }

    private static int ValidProgress(int progress) =>
        progress is >= 0 and <= 100 ? progress : throw new DomainException("El avance debe estar entre 0 y 100 %.");
}

/// <summary>A dated piece of evidence of an action: a link, a note, or both.</summary>
public sealed class ActionEvidence
{
    public const int UrlMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    private ActionEvidence()
    {
    }

    internal ActionEvidence(DateOnly date, string? url, string? note, string? recordedBy)
    {
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (url is null && note is null)
        {
            throw new DomainException("La evidencia necesita un enlace o una nota.");
        }

        if (url is not null && !IsWebLink(url))
        {
            throw new DomainException("El enlace de la evidencia debe empezar por https:// o http://.");
        }

        if (url?.Length > UrlMaxLength || note?.Length > NoteMaxLength)
        {
            throw new DomainException("El enlace y la nota admiten como máximo 2000 caracteres cada uno.");
        }

        Date = date;
        Url = url;
        Note = note;
        RecordedBy = string.IsNullOrWhiteSpace(recordedBy) ? null : recordedBy.Trim();
    }

    public int Id { get; private set; }

    public int ActionId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>An http or https link; other schemes (javascript:, file:) are refused.</summary>
    public string? Url { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Who recorded it (display name), for the follow-up.</summary>
    public string? RecordedBy { get; private set; }

    /// <summary>True for an absolute http or https link.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
