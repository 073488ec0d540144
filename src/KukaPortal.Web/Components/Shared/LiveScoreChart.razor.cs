using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KukaPortal.Web.Components.Shared;

/// <summary>
/// The asset's live score over time (<c>wwwroot/js/live-score-chart.js</c>): the last 5, 15 or 60 minutes, the
/// threshold line and the alarm periods. Pausing, by the switch or by zooming or panning the chart, holds the
/// picture still while windows keep arriving; Resume draws what came in meanwhile.
/// </summary>
public partial class LiveScoreChart : IAsyncDisposable
{
    public const string Module = "./js/live-score-chart.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _feed;
    private DotNetObjectReference<LiveScoreChart>? _self;
    private string _status = "Waiting for scores.";
    private int _minutes = LiveRange.DefaultMinutes;
    private bool _paused;
    private int _pendingWindows;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public int AssetId { get; set; }
    [Parameter] public EventCallback<long> AlarmChanged { get; set; }
    [Parameter] public EventCallback<JobProgress> JobProgressed { get; set; }
    [Parameter] public EventCallback<int> ModelChanged { get; set; }

    /// <summary>The user clicked a window on the chart: (run id, window index).</summary>
    [Parameter] public EventCallback<(Guid RunId, int WindowIndex)> WindowSelected { get; set; }

    /// <summary>New windows were drawn (count shown); a hint for views that re-read the database.</summary>
    [Parameter] public EventCallback<int> WindowsShown { get; set; }

    private string PausedText => _pendingWindows == 1 ? "Paused — 1 new window" : $"Paused — {_pendingWindows} new windows";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", Module);
        _feed = await _module.InvokeAsync<IJSObjectReference>("start", _element, AssetId, _minutes, _self);
    }

    /// <summary>Shows another range: the script reads it from the database and drops what falls outside it.</summary>
    private async Task SetRangeAsync(int minutes)
    {
        if (LiveRange.Validate(minutes) is not null || minutes == _minutes) return;
        _minutes = minutes;
        if (_feed is not null) await _feed.InvokeVoidAsync("setRange", minutes);
    }

    /// <summary>Holds the chart still (windows keep arriving and are drawn on resume) so a point can be inspected.</summary>
    private async Task SetPausedAsync(bool paused)
    {
        _paused = paused;
        _pendingWindows = 0;
        if (_feed is not null) await _feed.InvokeVoidAsync("setPaused", paused);
    }

    private Task ResumeAsync() => SetPausedAsync(false);

    /// <summary>The user zoomed or panned the chart: the script stopped following the live edge.</summary>
    [JSInvokable]
    public void OnPausedByZoom()
    {
        _paused = true;
        _pendingWindows = 0;
        StateHasChanged();
    }

    /// <summary>Windows that arrived while paused and wait to be drawn.</summary>
    [JSInvokable]
    public void OnPendingWindows(int count)
    {
        _pendingWindows = count;
        StateHasChanged();
    }

    [JSInvokable] public Task OnAlarmChanged(long alarmId) => AlarmChanged.InvokeAsync(alarmId);
    [JSInvokable] public Task OnJobProgress(JobProgress progress) => JobProgressed.InvokeAsync(progress);
    [JSInvokable] public Task OnModelChanged(int modelId) => ModelChanged.InvokeAsync(modelId);
    [JSInvokable] public Task OnWindowSelected(Guid runId, int windowIndex) => WindowSelected.InvokeAsync((runId, windowIndex));

    [JSInvokable]
    public async Task OnWindowsShown(int count, double latestCalibrated)
    {
        // The range ends at the asset's latest window, so it is empty only before the first window is scored.
        _status = count == 0
            ? "Waiting for scores."
            : $"{count} windows shown; the latest scored {latestCalibrated:G3} × the threshold.";
        StateHasChanged();
        await WindowsShown.InvokeAsync(count);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_feed is not null) { await _feed.InvokeVoidAsync("stop"); await _feed.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its connection closed with it.
        }
        _self?.Dispose();
    }
}
