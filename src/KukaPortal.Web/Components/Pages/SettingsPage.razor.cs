using System.Globalization;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Settings;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Components.Settings;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace KukaPortal.Web.Components.Pages;

/// <summary>
/// An asset's settings: service mode, alarm rule, threshold override and API keys. Managers see them
/// read-only; every change checks the Engineer policy again here and goes through the same command as the API.
/// </summary>
public sealed partial class SettingsPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private AssetSettings? _settings;
    private bool _missing;
    private bool _canEdit;
    private bool _busy;
    private ThresholdPreview? _preview;
    private IReadOnlyList<AssetApiKey> _keys = [];
    private NewApiKey? _created;

    [Parameter] public int AssetId { get; set; }
    [Inject] private AssetSettingsReader Reader { get; set; } = default!;
    [Inject] private AssetModeCommands ModeCommands { get; set; } = default!;
    [Inject] private AlarmRuleCommand RuleCommand { get; set; } = default!;
    [Inject] private ThresholdOverrideCommand ThresholdCommand { get; set; } = default!;
    [Inject] private ThresholdPreviewReader PreviewReader { get; set; } = default!;
    [Inject] private ApiKeyStore Keys { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _canEdit = (await Authorization.AuthorizeAsync((await AuthenticationState).User, PortalPolicies.Engineer)).Succeeded;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _settings = await Reader.ReadAsync(AssetId, _disposed.Token);
        _missing = _settings is null;
        if (_canEdit && !_missing) _keys = await Keys.ListAsync(AssetId, _disposed.Token);
    }

    private Task ChangeModeAsync(ServiceModeRequest request) => ChangeAsync(async user =>
    {
        var result = await ModeCommands.RunAsync(AssetId, request.Operation, request.Text, user, _disposed.Token);
        return new(result.Changed ? $"{ServiceModeActions.Describe(result.Asset!.AlarmMode)}; {result.ChangedAlarms.Count} open alarm(s) followed" : "Nothing changed");
    });

    private Task SaveRuleAsync((int K, int N) rule) => ChangeAsync(async user =>
    {
        var change = await RuleCommand.ChangeAsync(AssetId, rule.K, rule.N, user, _disposed.Token);
        return new(change.Changed ? $"Alarm rule: {change.K} of {change.N} windows (was {change.PreviousK} of {change.PreviousN})" : "The rule was already that");
    });

    private async Task PreviewAsync(double threshold) =>
        _preview = await PreviewReader.ReadAsync(AssetId, threshold, _disposed.Token);

    private Task SetThresholdAsync(double threshold) => ChangeAsync(async user =>
    {
        var change = await ThresholdCommand.SetAsync(AssetId, threshold, user, _disposed.Token);
        return new(change.Changed ? $"Threshold of v{change.ModelVersion} set to {Format(threshold)}" : "The threshold was already that", Undo(change));
    });

    private Task ClearThresholdAsync() => ChangeAsync(async user =>
    {
        var change = await ThresholdCommand.ClearAsync(AssetId, user, _disposed.Token);
        return new($"Override cleared: v{change.ModelVersion} scores with its trained threshold {Format(change.Trained)} again", Undo(change));
    });

    /// <summary>Undo puts back the override that was in force before the change, or clears it if there was none.</summary>
    private Func<string, Task>? Undo(ThresholdChange change) => !change.Changed ? null
        : change.Previous is { } previous
            ? user => ThresholdCommand.SetAsync(AssetId, previous, user, _disposed.Token)
            : user => ThresholdCommand.ClearAsync(AssetId, user, _disposed.Token);

    private Task CreateKeyAsync(string name) => ChangeAsync(async user =>
    {
        if (await Keys.CreateAsync(AssetId, name, user, _disposed.Token) is not var (key, plain)) return new("The asset no longer exists");
        _created = new NewApiKey(key.Id, key.Name, plain);
        return new($"Key \"{key.Name}\" created");
    });

    private Task RevokeKeyAsync(AssetApiKey key) => ChangeAsync(async user =>
    {
        await Keys.RevokeAsync(AssetId, key.Id, user, _disposed.Token);
        return new($"Key \"{key.Name}\" revoked");
    });

    /// <summary>
    /// Checks the Engineer policy, runs the change, reports it (with Undo where there is one) and re-reads the
    /// asset. Refusals come back as the command's own sentence.
    /// </summary>
    private async Task ChangeAsync(Func<string, Task<Outcome>> change)
    {
        var principal = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(principal, PortalPolicies.Engineer)).Succeeded)
        {
            Snackbar.Add("Only engineers may change an asset's settings.", Severity.Error);
            return;
        }
        var user = principal.Identity?.Name ?? "unknown";
        _busy = true;
        try
        {
            var outcome = await change(user);
            Snackbar.Add(outcome.Message, Severity.Success, config =>
            {
                if (outcome.Undo is not { } undo) return;
                config.Action = "Undo";
                config.OnClick = _ => InvokeAsync(() => ChangeAsync(async u => { await undo(u); return new("Undone"); }));
            });
        }
        catch (Exception e) when (e is SettingsException or AlarmRuleViolationException or ArgumentException)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
            _preview = null;
            await ReloadAsync();
            StateHasChanged();
        }
    }

    /// <summary>What a change says to the engineer, and how to take it back where that is possible.</summary>
    private sealed record Outcome(string Message, Func<string, Task>? Undo = null);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
