namespace GobiernoDigital.Core.Domain;

/// <summary>The <em>Plan de Mejoramiento</em> adopted after a measurement (e.g. TI.PL03, version 1).</summary>
public sealed class ImprovementPlan
{
    private readonly List<Finding> _findings = [];

    private ImprovementPlan()
    {
        Title = Code = PreparedBy = ApprovedBy = string.Empty;
    }

    public ImprovementPlan(
        string title,
        string code,
        int version,
        DateOnly approvedOn,
        int measuredVigencia,
        string preparedBy,
        string? preparedByRole,
        DateOnly? preparedOn,
        string approvedBy,
        string? approvalAct)
    {
        Title = Guard.Text(title, "El título del plan");
        Code = Guard.Text(code, "El código del plan", 50);
        Version = version >= 1 ? version : throw new DomainException("La versión del plan debe ser 1 o mayor.");
        ApprovedOn = approvedOn;
        MeasuredVigencia = measuredVigencia;
        PreparedBy = Guard.Text(preparedBy, "Quién elaboró el plan", 200);
        PreparedByRole = string.IsNullOrWhiteSpace(preparedByRole) ? null : preparedByRole.Trim();
        PreparedOn = preparedOn;
        ApprovedBy = Guard.Text(approvedBy, "Quién aprobó el plan", 200);
        ApprovalAct = string.IsNullOrWhiteSpace(approvalAct) ? null : approvalAct.Trim();
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public string Code { get; private set; }

    public int Version { get; private set; }

    public DateOnly ApprovedOn { get; private set; }

    /// <summary>The vigencia whose scores the plan answers to.</summary>
    public int MeasuredVigencia { get; private set; }

    public string PreparedBy { get; private set; }

    public string? PreparedByRole { get; private set; }

    public DateOnly? PreparedOn { get; private set; }

    /// <summary>The body that approved it (e.g. Comité Institucional de Gestión y Desempeño).</summary>
    public string ApprovedBy { get; private set; }

    /// <summary>The act that records the approval (e.g. "Acta No. 05 de 2024").</summary>
    public string? ApprovalAct { get; private set; }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// Re-issues the plan as the next version with a new approval (date, act, body): a new plan with a copy of every
    /// finding and action, follow-up included. This version stays as it is, readable.
    /// </summary>
    public ImprovementPlan ReIssue(DateOnly approvedOn, string? approvalAct, string approvedBy, string preparedBy, string? preparedByRole, DateOnly? preparedOn, int? measuredVigencia = null)
    {
        if (approvedOn < ApprovedOn)
        {
            throw new DomainException($"La nueva versión no puede aprobarse antes que la versión {Version} ({EsCo.Date(ApprovedOn)}).");
        }

        var next = new ImprovementPlan(Title, Code, Version + 1, approvedOn, measuredVigencia ?? MeasuredVigencia, preparedBy, preparedByRole, preparedOn, approvedBy, approvalAct);
        foreach (var finding in _findings.OrderBy(f => f.DisplayOrder))
        {
            next._findings.Add(finding.CopyFor(next._findings.Count + 1));
        }

        return next;
    }

    public Finding AddFinding(
        Category category,
        decimal? rowScore,
        IEnumerable<string> alternatives,
        IEnumerable<string> improvements,
        bool improvementsNotApplicable,
        DateRange? deadline,
        string? effectivenessNote)
    {
        var finding = new Finding(category, rowScore, alternatives, improvements, improvementsNotApplicable, deadline, effectivenessNote, _findings.Count + 1);
        _findings.Add(finding);
        return finding;
    }
}
