using KukaPortal.Web.Reconstruction;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Components.Shared;

/// <summary>
/// Reconstructs one stored window on the server (torch thread, Live priority) and draws, for the channels
/// that contributed most (any channel can be picked), what the model saw against what it rebuilt.
/// </summary>
public partial class ReconstructionView
{
    public const int DefaultTopChannels = 4;

    private (int, Guid, int)? _shown;
    private WindowReconstructionView? _view;
    private string? _error;
    private bool _loading;
    private IReadOnlyCollection<string> _selected = [];
    // One options object per channel and window: ApexChart redraws only when it gets a new object.
    private readonly Dictionary<string, object> _charts = [];

    [Parameter, EditorRequired] public int AssetId { get; set; }
    [Parameter, EditorRequired] public Guid RunId { get; set; }
    [Parameter, EditorRequired] public int WindowIndex { get; set; }
    [Parameter] public int TopChannels { get; set; } = DefaultTopChannels;
    [Inject] private WindowReconstructor Reconstructor { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_shown == (AssetId, RunId, WindowIndex)) return;
        _shown = (AssetId, RunId, WindowIndex);
        (_loading, _error, _view) = (true, null, null);
        _charts.Clear();
        try
        {
            _view = await Reconstructor.ReconstructAsync(AssetId, RunId, WindowIndex, CancellationToken.None);
            if (_view is null) _error = $"This asset has no stored window {WindowIndex} in run {RunId}.";
            _selected = _view?.Channels.Take(TopChannels).Select(c => c.Name).ToList() ?? [];
        }
        catch (ReconstructionUnavailableException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnChannelsChanged(IReadOnlyCollection<string> selected) => _selected = selected;

    private object ChartOf(ChannelReconstruction channel)
    {
        if (_charts.TryGetValue(channel.Name, out var options)) return options;
        var seconds = _view!.Seconds;
        options = new
        {
            chart = new { type = "line", height = 220, toolbar = new { show = false }, zoom = new { enabled = false } },
            series = new[]
            {
                new { name = "Input", data = seconds.Zip(channel.Input, (x, y) => new[] { x, (double)y }).ToArray() },
                new { name = "Reconstruction", data = seconds.Zip(channel.Reconstruction, (x, y) => new[] { x, (double)y }).ToArray() },
            },
            colors = new[] { "#4fc3f7", "#ffb74d" },
            stroke = new { width = new[] { 2, 2 }, dashArray = new[] { 0, 4 } },
            xaxis = new { type = "numeric", title = new { text = "Time (s)" }, labels = new { formatter = "number" } },
            yaxis = new { title = new { text = $"Value ({_view.Units})" }, labels = new { formatter = "number" } },
            legend = new { position = "top" },
            tooltip = new { shared = true },
        };
        _charts[channel.Name] = options;
        return options;
    }
}
