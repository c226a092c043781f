using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GobiernoDigital.Dashboard.Components.Pages.Audit;

/// <summary>The audit trail: every change to the data, newest first, filtered by dates (Colombia), user and category.</summary>
public partial class AuditTrail
{
    private const string AllUsers = "";
    private const int AllCategories = 0;

    private readonly int[] _pageSizes = [10, AuditQuery.DefaultPageSize, 50, AuditQuery.MaxPageSize];
    private MudTable<AuditTrailRow>? _table;
    private AuditFilterOptions _options = new([], []);
    private AuditQuery _applied = new();
    private DateTime? _from;
    private DateTime? _to;
    private string _userId = AllUsers;
    private int _categoryId = AllCategories;
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
        _rangeError = null;
        _applied = new AuditQuery();
        await ReloadFromFirstPageAsync();
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
