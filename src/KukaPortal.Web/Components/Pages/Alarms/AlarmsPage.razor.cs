using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Components.Alarms;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages.Alarms;

/// <summary>
/// Every alarm of every asset, filtered, sorted and paged in the database. The filters live in the URL:
/// changing one navigates, and the page reads them back from the URL, so a bookmark shows the same view.
/// </summary>
public partial class AlarmsPage : IDisposable
{
    private AlarmListFilter _filter = new();
    private AlarmListPage _page = new([], 0);
    private HashSet<AlarmListRow> _selected = new(RowComparer.Instance);
    private List<(int Id, string Name)> _assets = [];
    private bool _loading = true;
    private bool _canOperate;
    private string? _problem;
    private string? _bulkResult;

    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AlarmListReader Reader { get; set; } = default!;
    [Inject] private AlarmCommands Commands { get; set; } = default!;
    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private int PageCount => Math.Max(1, (_page.TotalCount + _filter.PageSize - 1) / _filter.PageSize);

    private bool IsFiltered => _filter.ToQueryParameters().Where(p => p.Key is not ("sort" or "dir" or "page" or "size")).Any(p => p.Value is not null);

    protected override async Task OnInitializedAsync()
    {
        // A query-only navigation keeps this page and sets no parameter, so the URL is watched directly.
        Navigation.LocationChanged += OnLocationChanged;
        _canOperate = await AlarmOperator.NameIfAllowedAsync(Authorization, AuthenticationState) is not null;
        await using var db = await DbFactory.CreateDbContextAsync();
        _assets = (await db.Assets.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).Take(1000).ToListAsync())
            .Select(a => (a.Id, a.Name)).ToList();
    }

    // The URL is the filter: read on the first visit and after every navigation (filter changes, back, forward).
    protected override Task OnParametersSetAsync() => ReadUriAndLoadAsync();

    private Task ReadUriAndLoadAsync()
    {
        _filter = AlarmListFilter.FromUri(Navigation.Uri);
        return LoadAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        if (!new Uri(e.Location).AbsolutePath.TrimEnd('/').EndsWith("/alarms", StringComparison.OrdinalIgnoreCase)) return;
        await ReadUriAndLoadAsync();
        StateHasChanged();
    });

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _page = await Reader.ReadAsync(_filter.ToQuery(), CancellationToken.None);
            _problem = null;
        }
        catch (ArgumentException e)
        {
            _page = new AlarmListPage([], 0);
            _problem = e.Message;
        }
        finally
        {
            _loading = false;
        }
        // Keep only the selected rows still on this page, with their fresh state.
        _selected = _page.Rows.Where(_selected.Contains).ToHashSet(RowComparer.Instance);
    }

    /// <summary>Changes the filter through the URL; any filter change goes back to the first page.</summary>
    private Task ApplyAsync(Action<AlarmListFilter> change, bool keepPage = false)
    {
        var next = AlarmListFilter.FromUri(Navigation.Uri);
        change(next);
        if (!keepPage) next.Page = 0;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(next.ToQueryParameters()));
        return Task.CompletedTask;
    }

    private Task SortAsync(AlarmSortField field) => ApplyAsync(f =>
    {
        f.Descending = f.SortBy != field || !f.Descending;
        f.SortBy = field;
    });

    private async Task OnAlarmsChangedAsync(long[] alarmIds)
    {
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private async Task AcknowledgeSelectedAsync()
    {
        if (await AlarmOperator.NameIfAllowedAsync(Authorization, AuthenticationState) is not { } user)
        {
            Snackbar.Add("Your role may not acknowledge alarms.", Severity.Error);
            return;
        }
        var ids = _selected.Select(r => r.Id).ToList();
        if (ids.Count == 0) return;
        var dialog = await Dialogs.ShowAsync<CommentDialog>("Acknowledge alarms", new DialogParameters<CommentDialog>
        {
            { d => d.Title, $"Acknowledge {ids.Count} alarm{(ids.Count == 1 ? "" : "s")}" },
            { d => d.Message, "One comment for all of them." },
            { d => d.ActionLabel, "Acknowledge" },
        });
        if (await dialog.Result is not { Canceled: false, Data: string comment }) return;

        BulkAcknowledgeResult result;
        try
        {
            result = await Commands.AcknowledgeManyAsync(ids, user, comment, CancellationToken.None);
        }
        catch (Exception e) when (DatabaseUnreachable.Is(e))
        {
            // Nothing was committed; the selection stays so the operator can try again.
            Snackbar.Add(DatabaseUnreachable.Message, Severity.Error);
            return;
        }
        _bulkResult = BulkAcknowledgeSummary.Describe(result);
        Snackbar.Add(_bulkResult, result.Skipped.Count == 0 ? Severity.Success : Severity.Info);
        _selected.Clear();
        await LoadAsync();
    }
}

/// <summary>Rows are the same alarm when their ids are: selection survives a reload of the page.</summary>
internal sealed class RowComparer : IEqualityComparer<AlarmListRow>
{
    public static readonly RowComparer Instance = new();
    public bool Equals(AlarmListRow? x, AlarmListRow? y) => x?.Id == y?.Id;
    public int GetHashCode(AlarmListRow obj) => obj.Id.GetHashCode();
}
