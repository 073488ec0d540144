using KukaPortal.Core.Series;
using KukaPortal.Core.Validation;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Recordings;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Components.Pages;

/// <summary>An asset's recordings for engineers: upload with the validation report before storing, the list, and a preview chart.</summary>
public partial class DataPage
{
    private const int ListedRecordings = 200;

    private string? _assetName;
    private AssetKind _kind;
    private int _imageSize = ImageImportOptions.Default.Size;
    private ImageColour _imageColour = ImageImportOptions.Default.Colour;
    private Core.Images.ImageFit _imageFit = ImageImportOptions.Default.Fit;
    private Recording? _imagePreview;
    private bool _missing;
    private RecordingPurpose _purpose = RecordingPurpose.Normal;
    private List<RecordingRow> _recordings = [];
    private Preview? _preview;
    private bool _loadingPreview;
    private IReadOnlyCollection<string> _channels = [];
    private object? _previewChart;

    [Parameter] public int AssetId { get; set; }
    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private RecordingLoader Loader { get; set; } = default!;
    [Inject] private JobScheduler Scheduler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private sealed record RecordingRow(int Id, string FileName, RecordingPurpose Purpose, int Rows, int Channels, double? SpanSeconds,
        string? UploadedBy, DateTimeOffset UploadedAt, string Sha256);

    private sealed record Preview(int RecordingId, string FileName, TimeSeries Series);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var asset = await db.Assets.AsNoTracking().Where(a => a.Id == AssetId).Select(a => new { a.Name, a.Kind }).SingleOrDefaultAsync();
        (_assetName, _kind) = (asset?.Name, asset?.Kind ?? AssetKind.Robot);
        _missing = _assetName is null;
        var rows = await db.Recordings.AsNoTracking().Where(r => r.AssetId == AssetId).OrderByDescending(r => r.UploadedAt).Take(ListedRecordings)
            .Select(r => new { r.Id, r.FileName, r.Purpose, r.Rows, Channels = r.Channels.Length, r.Report, r.UploadedBy, r.UploadedAt, r.Sha256 })
            .ToListAsync();
        _recordings = rows.Select(r => new RecordingRow(r.Id, r.FileName, r.Purpose, r.Rows, r.Channels, SpanOf(r.Report), r.UploadedBy, r.UploadedAt, r.Sha256)).ToList();
    }

    /// <summary>The span from the stored validation report; a report this code cannot read shows no span rather than failing the list.</summary>
    private bool IsStation => _kind == AssetKind.InspectionStation;

    /// <summary>Queues scoring of a station's image set with its active model; the scheduler's refusal is shown as it is.</summary>
    private async Task ScoreImagesAsync(RecordingRow set)
    {
        try
        {
            await Scheduler.ScoreImagesAsync(AssetId, set.Id, (await AuthenticationState).User.Identity?.Name, CancellationToken.None);
            Snackbar.Add($"Scoring of {set.FileName} queued", Severity.Info);
        }
        catch (InvalidOperationException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private ImageImportOptions? ImageOptions => IsStation ? new ImageImportOptions(_imageSize, _imageColour, _imageFit) : null;

    private static double? SpanOf(string report)
    {
        try
        {
            return RecordingReportJson.Deserialize(report).Timing?.SpanSeconds;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task PreviewAsync(int recordingId)
    {
        _preview = null;
        _imagePreview = null;
        _loadingPreview = true;
        await using var db = await DbFactory.CreateDbContextAsync();
        var recording = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId && r.AssetId == AssetId);
        if (recording is null) { _loadingPreview = false; return; }
        if (recording.Format == Recording.ImageSetFormat)
        {
            // An image set has no time axis to chart: it gets its own preview.
            (_imagePreview, _loadingPreview) = (recording, false);
            return;
        }
        // Reading the .npz is a block copy, but a big one: off the circuit's thread.
        var series = await Task.Run(() => Loader.Load(recording));
        _preview = new Preview(recording.Id, recording.FileName, series);
        _loadingPreview = false;
        OnChannelsChanged(series.Channels.Take(RecordingPreviewChart.DefaultChannels).ToList());
    }

    private void OnChannelsChanged(IReadOnlyCollection<string>? channels)
    {
        _channels = (channels ?? []).ToList();
        if (_preview is not null) _previewChart = RecordingPreviewChart.Options(_preview.Series, _channels);
    }
}
