using System.Data;
using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Planning;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GobiernoDigital.Core.Export;

/// <summary>
/// A version of the <em>Plan de Mejoramiento</em> with its actions and their follow-up, as an xlsx workbook: a sheet
/// «Plan» with the header (entity, title, code, version, approval, act, who prepared and approved it) and a sheet
/// «Acciones» with the seed document's columns followed by the follow-up columns.
/// </summary>
/// <remarks>
/// «Acciones» has one row per action, repeating its finding's columns so that a filter keeps them; a finding without
/// actions gets one row, whose «Acción» says NO APLICA when the plan says so and is empty otherwise. Paragraphs are
/// joined with line breaks (cells wrap). The status is the one of the day of the export (Vencida derived).
/// </remarks>
public sealed class PlanWorkbook
{
    public const string PlanSheet = "Plan";
    public const string ActionsSheet = "Acciones";
    public const string NotApplicable = "NO APLICA";

    public const string Categories = "CATEGORÍAS";
    public const string Score = "PUNTAJE";
    public const string Alternatives = "DISEÑO ALTERNATIVAS DE MEJORA";
    public const string Improvements = "MEJORAS PARA IMPLEMENTAR";
    public const string Deadline = "FECHA";
    public const string Effectiveness = "EVALUACIÓN DE LA EFICACIA";
    public const string Action = "Acción";
    public const string Responsible = "Responsable";
    public const string Start = "Inicio";
    public const string End = "Fin";
    public const string Status = "Estado";
    public const string Progress = "Avance (%)";
    public const string ExpectedPoints = "Puntos esperados";
    public const string CompletedOn = "Completada el";
    public const string Evidence = "Evidencias";

    /// <summary>The seed document's columns, in its order.</summary>
    public static IReadOnlyList<string> SeedColumns { get; } = [Categories, Score, Alternatives, Improvements, Deadline, Effectiveness];

    /// <summary>The follow-up columns that come after the seed's.</summary>
    public static IReadOnlyList<string> FollowUpColumns { get; } = [Action, Responsible, Start, End, Status, Progress, ExpectedPoints, CompletedOn, Evidence];

    private const string FieldColumn = "Campo";
    private const string ValueColumn = "Valor";
    private const string DateFormat = "dd/mm/yyyy";

    private static readonly DynamicExcelColumn[] ColumnStyles =
    [
        new(FieldColumn) { Width = 26 },
        new(ValueColumn) { Width = 70 },
        new(Categories) { Width = 32 },
        new(Score) { Width = 10, Format = "0.0" },
        new(Alternatives) { Width = 60 },
        new(Improvements) { Width = 60 },
        new(Deadline) { Width = 25 },
        new(Effectiveness) { Width = 28 },
        new(Action) { Width = 60 },
        new(Responsible) { Width = 24 },
        new(Start) { Width = 12, Format = DateFormat },
        new(End) { Width = 12, Format = DateFormat },
        new(Status) { Width = 13 },
        new(Progress) { Width = 11 },
        new(ExpectedPoints) { Width = 11, Format = "0.0" },
        new(CompletedOn) { Width = 13, Format = DateFormat },
        new(Evidence) { Width = 60 },
    ];

    private PlanWorkbook(string code, int version, IReadOnlyList<(string Field, string? Value)> header, IReadOnlyList<object?[]> rows)
    {
        Code = code;
        Version = version;
        Header = header;
        Rows = rows;
    }

    public string Code { get; }

    public int Version { get; }

    /// <summary>The «Plan» sheet: one (field, value) pair per line.</summary>
    public IReadOnlyList<(string Field, string? Value)> Header { get; }

    /// <summary>The «Acciones» sheet's rows, in the order of <see cref="SeedColumns"/> then <see cref="FollowUpColumns"/>.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The download's name, e.g. <c>plan-de-mejoramiento-TI.PL03-v1.xlsx</c>.</summary>
    public string FileName => $"plan-de-mejoramiento-{SafeFileText(Code)}-v{Version}.xlsx";

    /// <summary>
    /// Reads version <paramref name="version"/> of the plan (by default its current, highest version) with its findings,
    /// actions and evidence. The plan is the most recently approved one's code. Null when there is no such version.
    /// <paramref name="today"/> is the day whose status is written (Vencida when an open action's end date is before it).
    /// </summary>
    public static async Task<PlanWorkbook?> LoadAsync(GobiernoDigitalDbContext db, int? version, DateOnly today, CancellationToken cancellationToken = default)
    {
        var code = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.ApprovedOn).ThenByDescending(p => p.Version)
            .Select(p => p.Code)
            .FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return null;
        }

        var current = await db.Plans.AsNoTracking().Where(p => p.Code == code).MaxAsync(p => p.Version, cancellationToken);
        var wanted = version ?? current;
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Findings).ThenInclude(f => f.Category)
            .Include(p => p.Findings).ThenInclude(f => f.Actions).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == code && p.Version == wanted, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var entity = await db.Entities.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return Build(plan, entity, plan.Version == current, today);
    }

    /// <summary>The workbook of <paramref name="plan"/> (findings, actions and evidence loaded).</summary>
    public static PlanWorkbook Build(ImprovementPlan plan, PublicEntity? entity, bool isCurrent, DateOnly today)
    {
        List<(string, string?)> header =
        [
            ("Entidad", entity is null ? null : $"{entity.Name} (NIT {entity.Nit})"),
            ("Título", plan.Title),
            ("Código", plan.Code),
            ("Versión", $"{plan.Version.ToString(CultureInfo.InvariantCulture)} ({(isCurrent ? "vigente" : "reemplazada")})"),
            ("Fecha de aprobación", EsCo.Date(plan.ApprovedOn)),
            ("Acta de aprobación", plan.ApprovalAct),
            ("Aprobó", plan.ApprovedBy),
            ("Elaboró", plan.PreparedByRole is { } role ? $"{plan.PreparedBy} ({role})" : plan.PreparedBy),
            ("Fecha de elaboración", plan.PreparedOn is { } prepared ? EsCo.Date(prepared) : null),
            ("Vigencia medida", plan.MeasuredVigencia.ToString(CultureInfo.InvariantCulture)),
            ("Estado de las acciones al", EsCo.Date(today)),
        ];

        var rows = new List<object?[]>();
        foreach (var finding in plan.Findings.OrderBy(f => f.DisplayOrder))
        {
            object?[] seed =
            [
                finding.Category.NameInPlan ?? finding.Category.Name,
                finding.RowScore,
                Lines(finding.Alternatives),
                finding.ImprovementsNotApplicable ? NotApplicable : Lines(finding.Improvements),
                finding.Deadline?.ToString(),
                finding.EffectivenessNote,
            ];
            if (finding.Actions.Count == 0)
            {
                var followUp = new object?[FollowUpColumns.Count];
                followUp[0] = finding.ImprovementsNotApplicable ? NotApplicable : null;
                rows.Add([.. seed, .. followUp]);
                continue;
            }

            foreach (var action in finding.Actions.OrderBy(a => a.DisplayOrder))
            {
                rows.Add(
                [
                    .. seed,
                    action.Description,
                    action.Responsible,
                    action.StartDate,
                    action.EndDate,
                    ActionStatusText.Label(action.StatusOn(today)),
                    action.Progress,
                    action.ExpectedPoints,
                    action.CompletedOn,
                    Lines(action.Evidence.OrderBy(e => e.Date).ThenBy(e => e.Id).Select(EvidenceLine)),
                ]);
            }
        }

        return new PlanWorkbook(plan.Code, plan.Version, header, rows);
    }

    /// <summary>Writes the two sheets as xlsx: texts as text (neutralised against formula injection), numbers as numbers, dates as dates.</summary>
    public void WriteTo(Stream stream)
    {
        var planSheet = Table(PlanSheet, [FieldColumn, ValueColumn], Header.Select(h => new object?[] { h.Field, h.Value }));
        var actionsSheet = Table(ActionsSheet, [.. SeedColumns, .. FollowUpColumns], Rows);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = ColumnStyles,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true },
            FreezeRowCount = 1,
        };
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [PlanSheet] = planSheet, [ActionsSheet] = actionsSheet }, configuration: configuration);
    }

    private static DataTable Table(string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(Cell).ToArray());
        }

        return table;
    }

    private static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        string text => SpreadsheetText.Neutralize(text)!,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    private static string? Lines(IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        return text.Length == 0 ? null : text;
    }

    private static string EvidenceLine(ActionEvidence evidence)
    {
        var parts = new[] { evidence.Url, evidence.Note }.Where(p => p is not null);
        var by = evidence.RecordedBy is { } who ? $" (registró {who})" : string.Empty;
        return $"{EsCo.Date(evidence.Date)}: {string.Join(" · ", parts)}{by}";
    }

    private static string SafeFileText(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
}
