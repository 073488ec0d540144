using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Components.Inspection;
using KukaPortal.Web.Components.Shared;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages;

public partial class AssetPage
{
    private Asset? _asset;
    private DetectorModel? _model;
    private List<Recording> _recordings = [];
    private List<Job> _jobs = [];
    private AlarmPanel? _alarmPanel;
    private ContributionHeatmapPanel? _heatmap;
    private LatestImagesStrip? _latestImages;
    private (Guid RunId, int WindowIndex)? _selected;

    [Parameter] public int AssetId { get; set; }

    /// <summary>?run=R&amp;window=W opens that window's reconstruction (links from alarms and history).</summary>
    [SupplyParameterFromQuery(Name = "run")] public Guid? Run { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public int? Window { get; set; }
    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private JobScheduler Scheduler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsStation => _asset?.Kind == AssetKind.InspectionStation;

    private IReadOnlyList<Recording> NormalRecordings => _recordings.Where(r => r.Purpose == RecordingPurpose.Normal).ToList();
    private IReadOnlyList<Recording> ScoringRecordings => _recordings.Where(r => r.Purpose == RecordingPurpose.Scoring).ToList();

    protected override Task OnParametersSetAsync()
    {
        if (Run is { } run && Window is { } window) _selected = (run, window);
        return ReloadAsync();
    }

    private void OnWindowSelected((Guid RunId, int WindowIndex) window)
    {
        // A station's point is an image: its pictures live on the inspection page.
        if (IsStation)
            Navigation.NavigateTo($"assets/{AssetId}/inspection?run={window.RunId}&window={window.WindowIndex}");
        else
            _selected = window;
    }

    private Task OnWindowsShownAsync(int count) =>
        _heatmap?.RefreshAsync() ?? _latestImages?.RefreshAsync() ?? Task.CompletedTask;

    private async Task ReloadAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleOrDefaultAsync(a => a.Id == AssetId);
        _model = _asset?.ActiveModel;
        _recordings = await db.Recordings.AsNoTracking().Where(r => r.AssetId == AssetId).OrderByDescending(r => r.UploadedAt).ToListAsync();
        _jobs = await db.Jobs.AsNoTracking().Where(j => j.AssetId == AssetId).OrderByDescending(j => j.CreatedAt).Take(8).ToListAsync();
    }

    private Task TrainAsync(Recording recording) => EnqueueAsync(user => Scheduler.TrainAsync(AssetId, recording.Id, user, CancellationToken.None), $"Training on {recording.FileName} queued");

    private Task ScoreAsync(Recording recording) => EnqueueAsync(user => Scheduler.ScoreAsync(AssetId, recording.Id, user, CancellationToken.None), $"Scoring {recording.FileName} queued");

    private async Task EnqueueAsync(Func<string?, Task<Job>> enqueue, string done)
    {
        var user = (await AuthenticationState).User.Identity?.Name;
        try
        {
            await enqueue(user);
            Snackbar.Add(done, Severity.Info);
            await ReloadAsync();
        }
        catch (InvalidOperationException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private async Task OnAlarmChangedAsync(long alarmId)
    {
        if (_alarmPanel is not null) await _alarmPanel.ReloadAsync();
    }

    private async Task OnJobProgressAsync(JobProgress progress)
    {
        var job = _jobs.FirstOrDefault(j => j.Id == progress.JobId);
        if (job is null || Enum.Parse<JobState>(progress.State) is not JobState.Running)
        {
            // A new job or a finished one: the database has the full picture.
            await ReloadAsync();
        }
        else
        {
            job.Progress = progress.Progress;
            job.Message = progress.Message;
            job.State = JobState.Running;
        }
        StateHasChanged();
    }

    private async Task OnModelChangedAsync(int modelId)
    {
        await ReloadAsync();
        Snackbar.Add($"Model v{_model?.Version} is now active", Severity.Success);
        StateHasChanged();
    }
}
