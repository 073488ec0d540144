using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores.History;
using KukaPortal.Web.History;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages;

/// <summary>
/// History for managers and engineers: score history, alarm-load KPIs and the alarms of a period, for one asset or
/// all. Every filter lives in the URL (asset, range, from, to), so a view can be bookmarked and shared; changing a
/// filter navigates, and the page reloads from the query string.
/// </summary>
public partial class HistoryPage
{

    private List<(int Id, string Name)> _assets = [];
    private HistoryRange? _range;
    private ScoreHistory? _scores;
    private AlarmHistoryKpis? _kpis;
    private object? _scoreChart;
    private object? _rateChart;
    private object? _offendersChart;
    private MudTable<AlarmHistoryRow>? _table;
    private string? _error;
    private bool _loading;
    private bool _customOpen;
    private DateTime? _customFrom;
    private DateTime? _customTo;

    /// <summary>Set on /assets/{id}/history: the page pre-filtered to that asset.</summary>
    [Parameter] public int? AssetId { get; set; }

    [SupplyParameterFromQuery(Name = "asset")] public int? AssetQuery { get; set; }
    [SupplyParameterFromQuery(Name = "range")] public string? RangeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }

    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private ScoreHistoryReader Scores { get; set; } = default!;
    [Inject] private AlarmKpiReader Kpis { get; set; } = default!;
    [Inject] private AlarmHistoryReader Alarms { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private int? SelectedAsset => AssetId ?? AssetQuery;

    private string Heading => SelectedAsset is { } id ? $"History · {AssetName(id)}" : "History";

    private string Period => _range is null ? "" : $"{HistoryFormat.Time(_range.From)} to {HistoryFormat.Time(_range.To)}";

    private string ScoreLevelText => _scores?.Plan switch
    {
        { Level: ScoreRollupLevel.Raw } => $"{_scores.Points.Count:N0} windows, each drawn.",
        { } plan => $"{_scores.Points.Count:N0} points, each the max and mean of {HistoryFormat.Duration(TimeSpan.FromSeconds(plan.BucketSeconds))} of windows ({plan.Level.Name()} buckets).",
        null => "",
    };

    private string ScoreSummary => _scores is null || _scores.Points.Count == 0 ? "" :
        $"Highest calibrated score {_scores.Points.Max(p => p.Max):0.###}; {_scores.Points.Sum(p => p.AboveThreshold):N0} of {_scores.Points.Sum(p => p.Windows):N0} windows above the threshold.";

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _error = null;
        var (range, error) = HistoryRange.Parse(RangeQuery, FromQuery, ToQuery, Time.GetUtcNow());
        _range = range;
        _error = error;
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _assets = (await db.Assets.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
                .Select(a => (a.Id, a.Name)).ToList();
        }
        if (range is not null)
        {
            _customFrom ??= range.From.UtcDateTime.Date;
            _customTo ??= range.To.UtcDateTime.Date;
            _kpis = await Kpis.ReadHistoryAsync(SelectedAsset, range.From, range.To, CancellationToken.None);
            _rateChart = HistoryCharts.Rate(_kpis.Rate);
            _offendersChart = HistoryCharts.TopOffenders(_kpis.Report.TopOffenders, AssetName);
            _scores = SelectedAsset is { } asset ? await Scores.ReadAsync(asset, range.From, range.To, CancellationToken.None) : null;
            _scoreChart = _scores is null ? null : HistoryCharts.Scores(_scores);
            if (_table is not null) await _table.ReloadServerData();
        }
        _loading = false;
    }

    private async Task<TableData<AlarmHistoryRow>> LoadAlarmsAsync(TableState state, CancellationToken ct)
    {
        if (_range is null) return new TableData<AlarmHistoryRow> { Items = [], TotalItems = 0 };
        var page = await Alarms.PageAsync(new AlarmHistoryFilter(SelectedAsset, _range.From, _range.To), state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<AlarmHistoryRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private string AssetName(int id) => _assets.FirstOrDefault(a => a.Id == id).Name ?? $"Asset {id}";

    private string ExportUrl(string what) => $"api/history/{what}.csv?{_range!.Query(SelectedAsset)}";

    private void OnAssetChanged(int? asset) => Go(asset, _range);

    private void OnPresetChanged(string? preset)
    {
        if (preset == HistoryRange.Custom) { _customOpen = true; return; }
        _customOpen = false;
        var (range, _) = HistoryRange.Parse(preset, null, null, Time.GetUtcNow());
        Go(SelectedAsset, range);
    }

    private void ApplyCustom()
    {
        if (_customFrom is not { } from || _customTo is not { } to) return;
        var start = new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(to.Date, DateTimeKind.Utc)).AddDays(1);
        if (end <= start) { _error = "The custom range must end on or after the day it starts."; return; }
        Go(SelectedAsset, new HistoryRange(HistoryRange.Custom, start, end));
    }

    /// <summary>An asset's own history stays under its URL; all assets (or another asset chosen from /history) use /history.</summary>
    private void Go(int? asset, HistoryRange? range)
    {
        range ??= HistoryRange.Parse(null, null, null, Time.GetUtcNow()).Range!;
        var path = AssetId is not null && asset is { } id ? $"assets/{id}/history?{range.Query(null)}" : $"history?{range.Query(asset)}";
        Navigation.NavigateTo(path);
    }
}
