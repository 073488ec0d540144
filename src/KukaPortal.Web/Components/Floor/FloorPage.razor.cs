using KukaPortal.Core.Floor;
using KukaPortal.Data.Floor;
using KukaPortal.Web.Floor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace KukaPortal.Web.Components.Floor;

public sealed partial class FloorPage
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<int> _silentStreams = [];
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private int _loadQueued;
    private List<FloorTile> _tiles = [];
    private bool _loaded;
    private int _staleCount;
    private string _updatedText = "";
    private ElementReference _root;
    private IJSObjectReference? _module;
    private IJSObjectReference? _feed;
    private DotNetObjectReference<FloorPage>? _self;
    private int[] _watched = [];

    [Inject] private FloorReader Reader { get; set; } = default!;
    [Inject] private TileStateRule Rule { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IOptions<FloorOptions> Options { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary><c>?kiosk=true</c>: the layout hides the app bar so the tiles fill a wall screen.</summary>
    [SupplyParameterFromQuery] public bool Kiosk { get; set; }

    private string StaleWords => Rule.StaleAfter >= TimeSpan.FromMinutes(1) ? $"{Rule.StaleAfter.TotalMinutes:0.#} min" : $"{Rule.StaleAfter.TotalSeconds:0} s";

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync(CancellationToken.None);
        // Prerendering renders once and is thrown away; only the live circuit keeps a clock.
        if (RendererInfo.IsInteractive) _ = RefreshOnAClockAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive) return;
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/floor-dashboard.js");
            _watched = AssetIds();
            _feed = await _module.InvokeAsync<IJSObjectReference>("start", _root, _watched, _self, new { points = Options.Value.SparklinePoints });
        }
        else if (_feed is not null && !AssetIds().SequenceEqual(_watched))
        {
            // An asset was added (or removed) since the page opened: its tile needs a sparkline and a hub group.
            _watched = AssetIds();
            await _feed.InvokeVoidAsync("watch", _watched);
        }
    }

    private int[] AssetIds() => _tiles.Select(t => t.Asset.Id).ToArray();

    /// <summary>An alarm, model or stream-status push for one asset: re-read the tiles (the push is a hint, the database the truth).</summary>
    [JSInvokable]
    public async Task OnAssetEvent(int assetId, string kind, string? streamState)
    {
        if (kind == "AssetStatus")
        {
            if (streamState == "NoData") _silentStreams.Add(assetId);
            else _silentStreams.Remove(assetId);
        }
        await InvokeAsync(() => LoadAsync(_stop.Token));
    }

    /// <summary>The hub connection came back: pushes may have been missed meanwhile, so re-read everything.</summary>
    [JSInvokable]
    public Task OnReconnected() => InvokeAsync(() => LoadAsync(_stop.Token));

    private async Task RefreshOnAClockAsync()
    {
        using var timer = new PeriodicTimer(Options.Value.RefreshInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await InvokeAsync(() => LoadAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A burst of pushes (an alarm flood, a reconnect) coalesces: while one read waits, later requests
        // ride on it; the flag is cleared just before reading, so a change during the read queues one more.
        if (Interlocked.Exchange(ref _loadQueued, 1) == 1) return;
        await _refreshing.WaitAsync(ct);
        try
        {
            Volatile.Write(ref _loadQueued, 0);
            var assets = await Reader.ReadAsync(ct);
            var now = Time.GetUtcNow();
            _tiles = assets.Select(a => FloorTile.From(a, Rule, now, _silentStreams.Contains(a.Id))).ToList();
            _staleCount = _tiles.Count(t => t.Decision.Stale);
            _updatedText = now.ToString("HH:mm:ss 'UTC'");
            _loaded = true;
        }
        finally
        {
            _refreshing.Release();
        }
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
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
        _stop.Dispose();
    }
}
