using System.Net.Http.Json;

namespace KukaPortal.TestSupport;

/// <summary>The portal's HTTP API as the integration and browser scenarios use it: upload, queue a job, wait for a job.</summary>
public static class PortalApi
{
    public static async Task<int> UploadAsync(PortalSession session, int assetId, string csv, string purpose, string fileName = "recording.csv")
    {
        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose={purpose}&fileName={fileName}", new StringContent(csv));
        return (await session.ReadAsync<UploadView>(response)).Recordings.Single().Id;
    }

    public static async Task<JobView> QueueJobAsync(PortalSession session, int assetId, string kind, int recordingId) =>
        await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/{kind}", new { recordingId }));

    /// <summary>Queues a training with a full request body (recordings, family, iterations...).</summary>
    public static async Task<JobView> QueueTrainingAsync(PortalSession session, int assetId, object request) =>
        await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", request));

    /// <summary>Queues a training with a full request body (recordings, family, iterations...) and waits for it to finish.</summary>
    public static async Task<JobView> RunTrainingAsync(PortalSession session, int assetId, object request, TimeSpan timeout) =>
        await WaitForJobAsync(session, (await QueueTrainingAsync(session, assetId, request)).Id, timeout);

    /// <summary>Queues a job and waits for it to finish; returns the final job as the API reports it.</summary>
    public static async Task<JobView> RunJobAsync(PortalSession session, int assetId, string kind, int recordingId, TimeSpan timeout) =>
        await WaitForJobAsync(session, (await QueueJobAsync(session, assetId, kind, recordingId)).Id, timeout);

    public static async Task<JobView> WaitForJobAsync(PortalSession session, Guid jobId, TimeSpan timeout, params string[] states)
    {
        if (states.Length == 0) states = ["Succeeded", "Failed", "Cancelled"];
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = (await session.Client.GetFromJsonAsync<JobView>($"/api/jobs/{jobId}"))!;
            if (states.Contains(job.State)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} still {job.State} after {timeout}: {job.Message}");
            await Task.Delay(100);
        }
    }

    public sealed record UploadView(IReadOnlyList<UploadedRecordingView> Recordings);

    public sealed record UploadedRecordingView(int Id, string Name, string Format, string Purpose, int Rows, int Channels, int? AnomalousRows, string Sha256);

    public sealed record JobView(Guid Id, string State, double Progress, string? Message, string? Error, int? ModelId, int Attempts = 0);
}
