using KukaPortal.Data.Scores;
using KukaPortal.Web.Contributions;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Components.Shared;

/// <summary>
/// The channel contribution heat map of an asset's latest windows, re-read from the database when the live
/// chart shows new windows, at most once per <see cref="RefreshInterval"/> (the push is a hint, the database the truth).
/// </summary>
public partial class ContributionHeatmapPanel
{
    public const int Windows = 60;
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private ContributionHeatmap _heatmap = ContributionHeatmap.Empty;
    private RecentContributions? _recent;
    private object _options = new { };
    private bool _showAll;
    private int? _modelId;
    private long _lastRead;
    private bool _refreshPending;
    private int? _readFor;

    [Parameter, EditorRequired] public int AssetId { get; set; }
    [Parameter] public EventCallback<HeatmapWindow> WindowSelected { get; set; }
    [Inject] private ChannelContributionReader Reader { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    // The page re-renders on every push (its callbacks count as changed parameters): read only for a new asset.
    protected override Task OnParametersSetAsync() => _readFor == AssetId ? Task.CompletedTask : ReadAsync();

    /// <summary>New windows arrived: re-read now, or once the interval since the last read has passed.</summary>
    public async Task RefreshAsync()
    {
        if (_refreshPending) return;
        var wait = RefreshInterval - Time.GetElapsedTime(_lastRead);
        if (wait > TimeSpan.Zero)
        {
            _refreshPending = true;
            try { await Task.Delay(wait, Time); }
            finally { _refreshPending = false; }
        }
        await ReadAsync();
        StateHasChanged();
    }

    private async Task ReadAsync()
    {
        _lastRead = Time.GetTimestamp();
        _readFor = AssetId;
        _recent = await Reader.RecentAsync(AssetId, Windows, CancellationToken.None);
        _modelId = _recent?.ModelId;
        Shape();
    }

    private void ShowAllChanged(bool showAll)
    {
        _showAll = showAll;
        Shape();
    }

    private void Shape()
    {
        _heatmap = ContributionHeatmap.From(_recent, _showAll ? null : ContributionHeatmap.DefaultTopChannels);
        _options = new
        {
            chart = new { type = "heatmap", height = HeightOf(_heatmap), toolbar = new { show = false } },
            series = _heatmap.ToSeries(),
            dataLabels = new { enabled = false },
            colors = new[] { "#ff7043" },
            plotOptions = new { heatmap = new { shadeIntensity = 0.9, radius = 0, enableShades = true } },
            xaxis = new { title = new { text = "Window (asset sequence), oldest left" }, labels = new { show = false } },
            yaxis = new { title = new { text = "Channel" } },
            tooltip = new { y = new { formatter = "number" } },
            stroke = new { width = 0 },
        };
    }

    private static int HeightOf(ContributionHeatmap heatmap) => Math.Max(200, heatmap.Rows.Count * 18 + 90);

    private string Summary() =>
        _heatmap.Rows.Count == 0 ? "" : $"The largest contributor over these windows is {_heatmap.Rows[0].Channel} ({_heatmap.Rows[0].Total / Math.Max(1, _heatmap.Windows.Count):P0} of the error on average).";

    private async Task OnCellSelected((int Series, int Point) cell)
    {
        if (_heatmap.WindowAt(cell.Point) is { } window) await WindowSelected.InvokeAsync(window);
    }
}
