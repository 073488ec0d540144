using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>Helpers the stream tests share: a trained asset, API keys, waiting for a stream's windows.</summary>
public abstract class StreamingTest(PortalFactory portal) : PortalTest(portal)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static async Task<int> TrainAsync(PortalSession session, int assetId) =>
        (await TrainOnNormalDataAsync(session, assetId)).ModelId!.Value;

    protected static async Task<string> CreateKeyAsync(PortalSession session, int assetId)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/api-keys", new { name = "line PLC" }, Ct);
        ((int)response.StatusCode).ShouldBe(201);
        return (await response.Content.ReadFromJsonAsync<CreatedKey>(Ct))!.Key;
    }

    protected Task<List<WindowScoreRow>> WindowsOfAsync(Guid runId) =>
        Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == runId).OrderBy(w => w.WindowIndex).ToListAsync());

    protected async Task<List<WindowScoreRow>> WaitForWindowsAsync(Guid runId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var windows = await WindowsOfAsync(runId);
            if (windows.Count >= count) return windows;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Stream {runId} stored {windows.Count} of {count} windows in {timeout}.");
            await Task.Delay(200, Ct);
        }
    }

    protected sealed record CreatedKey(int Id, string Name, string Key, string Prefix);
}
