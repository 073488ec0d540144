using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Components.Training;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Training;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages;

/// <summary>
/// The training page of an asset: choose data and hyperparameters, start (or retrain with the operators'
/// false alarms), watch the loss curves grow from pushes, cancel, and read each model's results.
/// </summary>
public partial class TrainingPage
{
    private const int ModelsShown = 50;

    private Asset? _asset;
    private List<Recording> _normal = [];
    private List<Recording> _labelled = [];
    private readonly HashSet<int> _chosen = [];
    private int? _validationId;
    private string _family = ModelFamily.ConvAe.Name();
    private int _window;
    private int _latent;
    private double _lambda;
    private int _iterations;
    private string _strategy = "";
    private string? _error;
    private string? _feedbackNote;
    private bool _starting;

    private Job? _job;
    private LossHistory? _history;
    private object? _reconstructionOptions;
    private object? _discriminatorLossOptions;
    private object? _discriminatorAccuracyOptions;

    private IReadOnlyList<TrainedModel> _models = [];
    private int _modelId;

    [Parameter] public int AssetId { get; set; }
    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private TrainingReader Reader { get; set; } = default!;
    [Inject] private JobScheduler Scheduler { get; set; } = default!;
    [Inject] private JobStore Jobs { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private IOptions<TrainingOptions> Defaults { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsAdversarial => ModelFamilyNames.TryParse(_family, out var f) && f.IsAdversarial();
    private TrainedModel? SelectedModel => _models.FirstOrDefault(m => m.Id == _modelId);

    protected override async Task OnParametersSetAsync()
    {
        var defaults = TrainingSettings.Defaults(Defaults.Value, []);
        (_window, _latent, _lambda, _iterations, _strategy) = (defaults.Window, defaults.Latent, defaults.Lambda, defaults.Iterations, defaults.ThresholdStrategy);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AssetId);
            var recordings = await db.Recordings.AsNoTracking().Where(r => r.AssetId == AssetId).OrderByDescending(r => r.UploadedAt).ToListAsync();
            _normal = recordings.Where(r => r.Purpose == RecordingPurpose.Normal).ToList();
            _labelled = recordings.Where(r => r.AnomalousRows > 0 && r.AnomalousRows < r.Rows).ToList();
        }
        if (_chosen.Count == 0 && _normal.Count > 0) _chosen.Add(_normal[0].Id);
        _chosen.IntersectWith(_normal.Select(r => r.Id));
        await ShowJobAsync((await Reader.RecentJobsAsync(AssetId, 1, CancellationToken.None)).FirstOrDefault());
        await ReloadModelsAsync();
    }

    private async Task ReloadModelsAsync()
    {
        _models = await Reader.ModelsAsync(AssetId, ModelsShown, CancellationToken.None);
        if (SelectedModel is null && _models.Count > 0) _modelId = _models[0].Id;
    }

    /// <summary>Shows a job with its stored loss points; pushes then add to them.</summary>
    private async Task ShowJobAsync(Job? job)
    {
        _job = job;
        if (job is null) { _history = null; return; }
        _history = new LossHistory(job.Id);
        var stored = await Reader.LossesAsync(job.Id, CancellationToken.None);
        _history.Add(stored.Select(l => new LossPoint(l.Iteration, l.Reconstruction, l.Validation, l.DiscriminatorLoss, l.DiscriminatorAccuracy)));
        RebuildCharts();
    }

    private void RebuildCharts()
    {
        if (_history is null) return;
        _reconstructionOptions = TrainingCharts.Reconstruction(_history.Points);
        _discriminatorLossOptions = TrainingCharts.DiscriminatorLoss(_history.Points);
        _discriminatorAccuracyOptions = TrainingCharts.DiscriminatorAccuracy(_history.Points);
    }

    private void Choose(int recordingId, bool on)
    {
        if (on) _chosen.Add(recordingId);
        else _chosen.Remove(recordingId);
    }

    private void OnFamilyChanged(string family)
    {
        _family = family;
        if (!ModelFamilyNames.TryParse(family, out var f)) return;
        // W and L follow the family: the configured ones for the conv models, the papers' for the others.
        var conv = f is ModelFamily.ConvAe or ModelFamily.ConvAae;
        var paper = DetectorSettings.For(f);
        _window = conv ? Defaults.Value.Window : paper.Window;
        _latent = conv ? Defaults.Value.Latent : paper.Latent;
        _lambda = paper.FeatureMatchingWeight;
    }

    private static string FamilyLabel(string family) => family switch
    {
        "conv-ae" => "Conv autoencoder (paper 000)",
        "aae" => "Adversarial conv autoencoder",
        "dense-ae" => "Dense autoencoder AE-1",
        "dense-ae-bn" => "Dense autoencoder AE-2 (BatchNorm)",
        "dense-aae" => "Adversarial dense autoencoder",
        "pca" => "PCA baseline (T² + Q)",
        _ => family,
    };

    private async Task StartAsync(bool includeFalseAlarms)
    {
        _error = _feedbackNote = null;
        _starting = true;
        try
        {
            var request = new TrainingRequest
            {
                RecordingIds = _normal.Where(r => _chosen.Contains(r.Id)).Select(r => r.Id).ToArray(),
                ValidationRecordingId = _validationId, Family = _family, Window = _window, Latent = _latent,
                Lambda = _lambda, Iterations = _iterations, ThresholdStrategy = _strategy, IncludeFalseAlarms = includeFalseAlarms,
            };
            var user = (await AuthenticationState).User.Identity?.Name;
            var (job, plan) = await Scheduler.TrainAsync(AssetId, request, user, CancellationToken.None);
            if (includeFalseAlarms)
                _feedbackNote = $"{plan.Feedback.Segments.Count} false alarm(s) added as normal data, {plan.Feedback.Skipped.Count} skipped"
                    + (plan.Feedback.Skipped.Count > 0 ? ": " + string.Join(" ", plan.Feedback.Skipped) : ".");
            Snackbar.Add("Training queued", Severity.Info);
            await ShowJobAsync(job);
        }
        catch (TrainingRequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task CancelAsync()
    {
        if (_job is null) return;
        if (await Jobs.RequestCancelAsync(_job.Id, CancellationToken.None) is { } now)
        {
            _job = now;
            await Notifier.JobProgressAsync(now);
        }
    }

    private async Task OnJobProgressAsync(JobProgress progress)
    {
        if (progress.Kind is not (nameof(JobKind.Train) or nameof(JobKind.TrainImages))) return;
        var state = Enum.Parse<JobState>(progress.State);
        if (_job is null || _job.Id != progress.JobId)
        {
            // Another training of this asset started (here or elsewhere): follow the newest.
            await ShowJobAsync((await Reader.RecentJobsAsync(AssetId, 1, CancellationToken.None)).FirstOrDefault());
        }
        else if (state is JobState.Queued or JobState.Running)
        {
            _job.State = state;
            _job.Progress = progress.Progress;
            _job.Message = progress.Message;
        }
        else
        {
            // Finished: the database has the final message, error and model.
            await ShowJobAsync((await Reader.RecentJobsAsync(AssetId, 1, CancellationToken.None)).FirstOrDefault(j => j.Id == progress.JobId) ?? _job);
            await ReloadModelsAsync();
        }
        StateHasChanged();
    }

    private async Task OnTrainingLossAsync(TrainingLoss loss)
    {
        if (_history is null || _history.JobId != loss.JobId)
        {
            await ShowJobAsync((await Reader.RecentJobsAsync(AssetId, 1, CancellationToken.None)).FirstOrDefault());
        }
        else if (_history.Add(loss.Points))
        {
            RebuildCharts();
        }
        StateHasChanged();
    }

    private async Task OnModelChangedAsync(int modelId)
    {
        await ReloadModelsAsync();
        _modelId = modelId;
        StateHasChanged();
    }
}
