using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Alarms;

/// <summary>Alarms raised the real way (a scored batch through <see cref="ScoreBatchWriter"/>), and the views the alarm API returns.</summary>
public abstract class AlarmTest(PortalFactory portal) : PortalTest(portal)
{
    protected const string OperatorEmail = "operator@test.local";
    protected const string OperatorPassword = "Operator-Password-1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<PortalSession> SignInAsOperatorAsync()
    {
        await Users.CreateAsync(Portal, OperatorEmail, OperatorPassword, PortalRoles.Operator);
        return await PortalSession.SignInAsync(Portal, OperatorEmail, OperatorPassword);
    }

    protected async Task<(int AssetId, int ModelId)> CreateAssetWithModelAsync(string name = "Alarm robot")
    {
        var assetId = await CreateAssetAsync(name);
        return (assetId, await CreateModelRowAsync(assetId, window: 10));
    }

    /// <summary>When the test's windows happen: fixed, so a window's time is a function of its index as in production.</summary>
    private static readonly DateTimeOffset Origin = KukaPortal.Data.Scores.RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);

    /// <summary>Stores three windows from <paramref name="firstWindow"/> on, the last one changing the condition; all above the threshold unless clearing.</summary>
    protected async Task<StoredBatch> StoreAsync(int assetId, int modelId, Guid jobId, int firstWindow, ConditionChange change, double calibrated = 1.2)
    {
        var windows = Enumerable.Range(firstWindow, 3)
            .Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, calibrated, calibrated, change != ConditionChange.Cleared && calibrated >= 1, Origin.AddSeconds(i + 1), null))
            .ToList();
        return await Portal.Services.GetRequiredService<ScoreBatchWriter>()
            .StoreAsync(new ScoreBatch(assetId, jobId, modelId, windows, [(firstWindow + 2, change)]), CancellationToken.None);
    }

    /// <summary>Raises one alarm on a new job; returns its id.</summary>
    protected async Task<long> RaiseAsync(int assetId, int modelId, double calibrated = 1.2)
    {
        var stored = await StoreAsync(assetId, modelId, Guid.NewGuid(), 0, ConditionChange.Raised, calibrated);
        return stored.ChangedAlarms.ShouldHaveSingleItem().Id;
    }

    protected Task<List<(AlarmEventKind Kind, AlarmState From, AlarmState To, string? User, string? Comment)>> EventsAsync(long alarmId) =>
        Portal.WithDbAsync(db => db.AlarmEvents.Where(e => e.AlarmId == alarmId).OrderBy(e => e.Id)
            .Select(e => new ValueTuple<AlarmEventKind, AlarmState, AlarmState, string?, string?>(e.Kind, e.FromState, e.ToState, e.User, e.Comment))
            .ToListAsync());

    protected static Task<HttpResponseMessage> PostAsync(PortalSession session, string path, object body) =>
        session.Client.PostAsJsonAsync(path, body, Ct);

    protected sealed record AlarmView(
        long Id, int AssetId, string State, bool ConditionActive, string Priority, double PeakCalibrated,
        string? AcknowledgedBy, DateTimeOffset? ShelvedUntil, string? ShelveReason, string? Classification, string? ClassifiedBy, bool Changed);

    protected sealed record AlarmEventView(long Id, string Kind, string FromState, string ToState, DateTimeOffset At, string? User, string? Comment);

    protected sealed record Problem(string? Title, string? Detail, int Status);

    protected sealed record AssetModeView(int AssetId, string Mode, string? Reason, bool Changed, IReadOnlyList<AlarmView> Alarms);
}
