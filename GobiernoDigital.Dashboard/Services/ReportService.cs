using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>
/// The committee report of a vigencia: the entity, the vigencia's figures (<see cref="ComplianceService"/>), the
/// current plan's counters, late actions, actions due within 30 days and evaluation of effectiveness (<see cref="PlanService"/>,
/// on today's date in Colombia), and the date it was generated; and the same data as an xlsx workbook.
/// </summary>
/// <remarks>Read-only: it only calls the read services, each of which opens one DbContext per call.</remarks>
public sealed class ReportService(ComplianceService compliance, PlanService plans, TimeProvider clock)
{
    /// <summary>How many actions of each list the printed report shows; the rest are counted ("y 5 más").</summary>
    public const int ListedActions = 10;

    /// <summary>
    /// The report of <paramref name="vigencia"/>, or of the latest measured vigencia when null; null when that vigencia
    /// has no measurement (or there is none at all).
    /// </summary>
    /// <param name="vigencia">The vigencia; the latest measured one when null.</param>
    /// <param name="listedActions">How many actions of each list to keep; every one with <see cref="int.MaxValue"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ReportModel?> GetReportAsync(int? vigencia, int listedActions = ListedActions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(listedActions);
        var overview = await compliance.GetOverviewAsync(vigencia, cancellationToken);
        if (overview is null)
        {
            return null;
        }

        var entity = await compliance.GetEntityAsync(cancellationToken);
        var plan = await plans.GetPlanAsync(version: null, cancellationToken);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), EsCo.TimeZone).DateTime;
        return new ReportModel(
            entity,
            overview.Vigencias,
            overview.Measurement,
            overview.Report,
            plan is null ? null : PlanSection(plan, await plans.GetEffectivenessAsync(null, null, plan.Header.Version, cancellationToken), listedActions),
            now)
        {
            Peers = overview.Peers,
        };
    }

    /// <summary>The report of <paramref name="vigencia"/> (the latest when null) as <c>informe-2023.xlsx</c>, with every late and due action; null as <see cref="GetReportAsync"/>.</summary>
    public async Task<ExportFile?> GetWorkbookAsync(int? vigencia, CancellationToken cancellationToken = default)
    {
        var model = await GetReportAsync(vigencia, int.MaxValue, cancellationToken);
        if (model is null)
        {
            return null;
        }

        var header = new ReportHeader(
            model.Entity?.Name,
            model.Entity?.Nit,
            model.Measurement.Date,
            model.Measurement.Source,
            model.Measurement.OfficialIndex,
            DateOnly.FromDateTime(model.GeneratedAt),
            model.Plan?.Code);
        var actions = model.Plan is null
            ? []
            : Rows(model.Plan.Late, ReportActionList.Late).Concat(Rows(model.Plan.DueSoon, ReportActionList.DueSoon));
        var export = ReportExport.Create(header, model.Report, actions);

        using var stream = new MemoryStream();
        export.Write(stream, SpreadsheetFormat.Xlsx);
        return new ExportFile(export.FileName(SpreadsheetFormat.Xlsx), SpreadsheetFormat.Xlsx.ContentType(), stream.ToArray());
    }

    private static ReportPlan PlanSection(PlanModel plan, PlanEffectivenessModel? effectiveness, int listedActions)
    {
        var open = plan.Actions.Where(a => a.IsOpen).OrderBy(a => a.EndDate).ToList();
        return new ReportPlan(
            plan.Header.Code,
            plan.Header.Version,
            plan.Header.Title,
            plan.Today,
            plan.Counters,
            Take(open.Where(a => a.Status == ActionStatus.Vencida).ToList(), listedActions),
            Take(open.Where(a => a.IsDueSoon).ToList(), listedActions),
            effectiveness);
    }

    private static ReportActions Take(IReadOnlyList<PlanActionModel> actions, int count) =>
        new(actions.Take(count).ToList(), actions.Count);

    private static IEnumerable<ReportActionRow> Rows(ReportActions actions, ReportActionList list) =>
        actions.Listed.Select(a => new ReportActionRow(list, a.ComponentName, a.CategoryName, a.Description, a.Responsible, a.EndDate, a.StatusText));
}
