using System.Globalization;
using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Validation;
using GobiernoDigital.Dashboard.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Dashboard.Services;

/// <summary>What to look for in the audit trail. Every filter is optional.</summary>
/// <remarks>
/// <see cref="From"/> and <see cref="To"/> are days of Colombia's calendar (America/Bogota), both included.
/// <see cref="Page"/> starts at 0; <see cref="PageSize"/> defaults to 25 and is capped at 100.
/// </remarks>
public sealed record AuditQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>First day (Colombia), included.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (Colombia), included to its end.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only the changes made by this user.</summary>
    public string? UserId { get; init; }

    /// <summary>Only the changes that concern this category.</summary>
    public int? CategoryId { get; init; }

    /// <summary>Only the entries of this kind of record ("Acción de mejora", "Importación de puntajes").</summary>
    public string? Kind { get; init; }

    /// <summary>0-based page index.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One row of the audit trail, ready to show.</summary>
/// <param name="Id">The entry's number.</param>
/// <param name="OccurredAtColombia">When, in Colombia's time.</param>
/// <param name="UserName">Who made the change, by the name shown in the app.</param>
/// <param name="Action">Creado, Modificado or Eliminado.</param>
/// <param name="EntityType">The kind of record: "Puntaje", "Acción de mejora", "Importación de puntajes".</param>
/// <param name="EntityKey">The record's key (for reference; the page shows <paramref name="RecordName"/>).</param>
/// <param name="RecordName">The record as users know it: "Transparencia, vigencia 2023", «Desarrollar un plan…», "Martha Saldaña (asesor)".</param>
/// <param name="CategoryId">The category the change concerns, when there is one.</param>
/// <param name="CategoryName">Its current name.</param>
/// <param name="Changes">Only the fields that changed: "Estado de la acción: No iniciada → En curso".</param>
/// <param name="Details">The first detail lines of a bulk entry (a plan re-issue, an import); empty otherwise.</param>
/// <param name="DetailCount">How many detail lines the entry holds in all (the download has them all).</param>
public sealed record AuditTrailRow(
    long Id,
    DateTime OccurredAtColombia,
    string UserName,
    AuditAction Action,
    string EntityType,
    string EntityKey,
    string RecordName,
    int? CategoryId,
    string? CategoryName,
    IReadOnlyList<AuditChangeText> Changes,
    IReadOnlyList<string> Details,
    int DetailCount)
{
    /// <summary>When, in Colombia's time: "29/02/2024 22:00:00".</summary>
    public string OccurredAtText => OccurredAtColombia.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>One page of the audit trail and how many rows match the query in all.</summary>
public sealed record AuditTrailPage(int TotalCount, IReadOnlyList<AuditTrailRow> Rows);

/// <summary>A choice of a filter: a user, a category or a kind of record.</summary>
public sealed record AuditFilterOption<TKey>(TKey Id, string Name);

/// <summary>What the filters of the audit page offer: the users and kinds of record that appear in the trail, and the categories.</summary>
public sealed record AuditFilterOptions(
    IReadOnlyList<AuditFilterOption<string>> Users,
    IReadOnlyList<AuditFilterOption<int>> Categories,
    IReadOnlyList<string> Kinds);

/// <summary>Reads the audit trail: who changed what, when, from which value to which. Policy <see cref="Policies.VerAuditoria"/>.</summary>
public sealed class AuditTrailService(IDbContextFactory<GobiernoDigitalDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Detail lines of a bulk entry sent to the page; the download has them all.</summary>
    public const int MaxDetailLinesShown = 50;

    /// <summary>Rows of the download at most (the newest); the last row says when more matched.</summary>
    public const int MaxExportRows = 20_000;

    /// <summary>The rows that match <paramref name="query"/>, newest first, one page at a time.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<AuditTrailPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.VerAuditoria);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await ReadAsync(db, entries.Skip(page * pageSize).Take(pageSize), MaxDetailLinesShown, cancellationToken);
        return new AuditTrailPage(total, rows);
    }

    /// <summary>
    /// The rows that match <paramref name="query"/> (its page ignored), newest first, as an xlsx workbook: one row per
    /// entry with every change and every detail line. At most <see cref="MaxExportRows"/> rows.
    /// </summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<ExportFile> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.VerAuditoria);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await ReadAsync(db, entries.Take(MaxExportRows), int.MaxValue, cancellationToken);
        var workbook = new AuditTrailWorkbook(
            rows.Select(r => new AuditTrailWorkbookRow(
                r.OccurredAtText,
                r.UserName,
                r.Action.ToString(),
                r.EntityType,
                r.RecordName,
                r.CategoryName,
                r.Changes.Select(c => c.ToString()).ToList(),
                r.Details)).ToList(),
            total - rows.Count);
        using var stream = new MemoryStream();
        workbook.Write(stream, SpreadsheetFormat.Xlsx);
        return new ExportFile(workbook.FileName(SpreadsheetFormat.Xlsx), SpreadsheetFormat.Xlsx.ContentType(), stream.ToArray());
    }

    /// <summary>The users and kinds of record of the trail (users with their latest recorded name) and every category, for the filters.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, Lector, or any user without the policy.</exception>
    public async Task<AuditFilterOptions> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Policies.VerAuditoria);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Few distinct pairs: a user appears under a second name only after renaming. The latest name wins.
        var pairs = await db.AuditEntries.AsNoTracking()
            .GroupBy(a => new { a.UserId, a.UserName })
            .Select(g => new { g.Key.UserId, g.Key.UserName, LastId = g.Max(a => a.Id) })
            .ToListAsync(cancellationToken);
        var spanish = StringComparer.Create(EsCo.Culture, ignoreCase: true);
        var users = pairs
            .GroupBy(p => p.UserId)
            .Select(g => g.MaxBy(p => p.LastId)!)
            .Select(p => new AuditFilterOption<string>(p.UserId, p.UserName))
            .OrderBy(u => u.Name, spanish)
            .ToList();

        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Component.DisplayOrder)
            .ThenBy(c => c.DisplayOrder)
            .Select(c => new AuditFilterOption<int>(c.Id, c.Name))
            .ToListAsync(cancellationToken);

        var kinds = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        return new AuditFilterOptions(users, categories, kinds.Order(spanish).ToList());
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (query.From is { } from)
        {
            from = ValidationRules.ClampDate(from);
            var fromUtc = StartOfDayUtc(from);
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            to = ValidationRules.ClampDate(to);
            var beforeUtc = StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(a => a.OccurredAtUtc < beforeUtc);
        }

        if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }

        if (query.CategoryId is { } categoryId)
        {
            entries = entries.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            entries = entries.Where(a => a.EntityType == query.Kind);
        }

        return entries.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id);
    }

    private static async Task<IReadOnlyList<AuditTrailRow>> ReadAsync(
        GobiernoDigitalDbContext db, IQueryable<AuditEntry> entries, int maxDetails, CancellationToken cancellationToken)
    {
        var rows = await entries
            .Select(a => new
            {
                Entry = a,
                CategoryName = db.Categories.Where(c => c.Id == a.CategoryId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Entries written before the trail stored its Spanish text hold ids: their names are read once for the page.
        var names = rows.Any(r => r.Entry.Changes is null) ? await AuditNames.LoadAsync(db, cancellationToken) : AuditNames.None;
        return rows.Select(r =>
        {
            var reading = AuditReader.Read(r.Entry, names, maxDetails);
            return new AuditTrailRow(
                r.Entry.Id,
                ToColombia(r.Entry.OccurredAtUtc),
                r.Entry.UserName,
                r.Entry.Action,
                r.Entry.EntityType,
                r.Entry.EntityKey,
                reading.RecordName,
                r.Entry.CategoryId,
                r.CategoryName,
                reading.Changes,
                reading.Details,
                reading.DetailCount);
        }).ToList();
    }

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), EsCo.TimeZone);

    private static DateTime ToColombia(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), EsCo.TimeZone);
}
