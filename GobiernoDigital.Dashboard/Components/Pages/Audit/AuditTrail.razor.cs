using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Export;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Audit;

/// <summary>The audit trail: every change to the data, newest first, filtered by dates (Colombia), user and category.</summary>
public partial class AuditTrail
{
    private const string AllUsers = "";
    private const int AllCategories = 0;
    private const string AllKinds = "";

    /// <summary>Changes listed in a row; the rest, and a bulk entry's records, open under «Ver…».</summary>
    private const int MaxChangesShown = 8;

    private readonly int[] _pageSizes = [10, AuditQuery.DefaultPageSize, 50, AuditQuery.MaxPageSize];
    private MudTable<AuditTrailRow>? _table;
    private AuditFilterOptions _options = new([], [], []);
    private AuditQuery _applied = new();
    private DateTime? _from;
    private DateTime? _to;
    private string _userId = AllUsers;
    private int _categoryId = AllCategories;
    private string _kind = AllKinds;
    private string? _rangeError;
    private string? _denied;

    [Inject]
    public required AuditTrailService Audit { get; init; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _options = await Audit.GetFilterOptionsAsync();
        }
        catch (AccessDeniedException ex)
        {
            _denied = ex.Message;
        }
    }

    private async Task<TableData<AuditTrailRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Audit.SearchAsync(_applied with { Page = state.Page, PageSize = state.PageSize }, cancellationToken);
            return new TableData<AuditTrailRow> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        catch (AccessDeniedException ex)
        {
            _denied = ex.Message;
            await InvokeAsync(StateHasChanged);
            return new TableData<AuditTrailRow> { Items = [], TotalItems = 0 };
        }
    }

    private async Task SearchAsync()
    {
        var query = new AuditQuery
        {
            From = _from is { } f ? DateOnly.FromDateTime(f) : null,
            To = _to is { } t ? DateOnly.FromDateTime(t) : null,
            UserId = _userId == AllUsers ? null : _userId,
            CategoryId = _categoryId == AllCategories ? null : _categoryId,
            Kind = _kind == AllKinds ? null : _kind,
        };
        if (new AuditQueryValidator().Validate(query).Errors.FirstOrDefault() is { } error)
        {
            _rangeError = error.ErrorMessage;
            return;
        }

        _rangeError = null;
        _applied = query;
        await ReloadFromFirstPageAsync();
    }

    private async Task ClearAsync()
    {
        _from = null;
        _to = null;
        _userId = AllUsers;
        _categoryId = AllCategories;
        _kind = AllKinds;
        _rangeError = null;
        _applied = new AuditQuery();
        await ReloadFromFirstPageAsync();
    }

    /// <summary>The download of the trail with the filters applied to the table.</summary>
    private string ExportHref => AuditExportEndpoints.For(_applied);

    private static string DetailSummary(AuditTrailRow row)
    {
        var more = row.Changes.Count - MaxChangesShown;
        return (more > 0, row.DetailCount) switch
        {
            (true, 0) => $"Ver {more} cambios más",
            (true, var n) => $"Ver {more} cambios más y {n} {Records(n)}",
            (false, var n) => $"Ver {n} {Records(n)}",
        };

        static string Records(int n) => n == 1 ? "registro" : "registros";
    }

    private async Task ReloadFromFirstPageAsync()
    {
        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage > 0)
        {
            // A new search starts on its first page; navigating reloads the server data.
            _table.NavigateTo(0);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }
}
