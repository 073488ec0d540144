using KukaPortal.Data.Entities;
using KukaPortal.Data.Models;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages;

/// <summary>
/// An asset's models: their lifecycle (promote, roll back, with undo), a candidate beside the active model,
/// and the what-if replay. Buttons are hidden from non-engineers and every action checks the policy again here.
/// </summary>
public sealed partial class ModelsPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private AssetModels? _models;
    private int? _compareId;
    private WhatIfView? _whatIf;
    private bool _busy;
    private bool _polling;

    [Parameter] public int AssetId { get; set; }
    [Inject] private ModelsReader Reader { get; set; } = default!;
    [Inject] private ModelLifecycle Lifecycle { get; set; } = default!;
    [Inject] private WhatIfScheduler WhatIf { get; set; } = default!;
    [Inject] private IOptions<WhatIfOptions> Options { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ModelRow? Compared => _models?.Models.FirstOrDefault(m => m.Id == _compareId && m.Status != ModelStatus.Active);

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
        // A candidate to compare at once: the newest model that is not active.
        _compareId ??= _models?.Models.FirstOrDefault(m => m.Status == ModelStatus.Candidate)?.Id;
        await LoadWhatIfAsync();
    }

    private async Task ReloadAsync() => _models = await Reader.ReadAsync(AssetId, _disposed.Token);

    private async Task CompareAsync(int modelId)
    {
        _compareId = modelId;
        await LoadWhatIfAsync();
    }

    private async Task LoadWhatIfAsync()
    {
        _whatIf = Compared is { } candidate ? await Reader.LatestWhatIfAsync(AssetId, candidate.Id, _disposed.Token) : null;
        if (_whatIf is { State: JobState.Queued or JobState.Running }) _ = PollWhatIfAsync();
    }

    /// <summary>Re-reads the running replay's job row each second until it ends; the database is the truth.</summary>
    private async Task PollWhatIfAsync()
    {
        if (_polling) return;
        _polling = true;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (_whatIf is { State: JobState.Queued or JobState.Running } running && await timer.WaitForNextTickAsync(_disposed.Token))
            {
                _whatIf = await Reader.LatestWhatIfAsync(AssetId, running.CandidateModelId, _disposed.Token);
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) { }
        finally { _polling = false; }
    }

    private async Task PromoteAsync(ModelRow model)
    {
        var active = _models?.Active;
        var what = active is null
            ? $"v{model.Version} becomes the active model of {_models?.AssetName}; live scoring switches at the next window."
            : $"v{model.Version} replaces v{active.Version} as the active model of {_models?.AssetName}; live scoring switches at the next window.";
        if (await Dialogs.ShowMessageBoxAsync($"Promote v{model.Version}?", what, yesText: "Promote", cancelText: "Cancel") != true) return;
        await ChangeAsync(user => Lifecycle.PromoteAsync(AssetId, model.Id, user, _disposed.Token), undoable: true);
    }

    private async Task RollBackAsync(bool confirm)
    {
        if (_models?.RollBackTarget is not { } previous) return;
        if (confirm)
        {
            var what = $"v{previous.Version} replaces v{_models.Active?.Version} as the active model of {_models.AssetName} again; live scoring switches at the next window.";
            if (await Dialogs.ShowMessageBoxAsync($"Roll back to v{previous.Version}?", what, yesText: "Roll back", cancelText: "Cancel") != true) return;
        }
        await ChangeAsync(user => Lifecycle.RollBackAsync(AssetId, user, _disposed.Token), undoable: confirm);
    }

    private async Task ChangeAsync(Func<string, Task<ModelSwitch>> change, bool undoable)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, PortalPolicies.Engineer)).Succeeded)
        {
            Snackbar.Add("Only engineers may change the active model.", Severity.Error);
            return;
        }
        _busy = true;
        try
        {
            var done = await change(user.Identity?.Name ?? "unknown");
            var message = done.Replaced is { } replaced ? $"v{done.Active.Version} replaces v{replaced.Version} as the active model" : $"v{done.Active.Version} is the active model";
            // Undo is a roll-back: it promotes the model this change replaced.
            Snackbar.Add(message, Severity.Success, config =>
            {
                if (!undoable || done.Replaced is null) return;
                config.Action = "Undo";
                config.OnClick = _ => InvokeAsync(() => RollBackAsync(confirm: false));
            });
        }
        catch (ModelChangeException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
            await LoadWhatIfAsync();
            StateHasChanged();
        }
    }

    private async Task RunWhatIfAsync(ModelRow candidate)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, PortalPolicies.Engineer)).Succeeded)
        {
            Snackbar.Add("Only engineers may run a what-if replay.", Severity.Error);
            return;
        }
        try
        {
            await WhatIf.QueueAsync(AssetId, candidate.Id, user.Identity?.Name, _disposed.Token);
            await LoadWhatIfAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or ModelChangeException)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
    }

    private static Color StatusColor(ModelStatus status) => status switch
    {
        ModelStatus.Active => Color.Success,
        ModelStatus.Candidate => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
