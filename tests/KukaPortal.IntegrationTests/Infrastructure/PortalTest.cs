using System.Net.Http.Json;
using KukaPortal.Data.Entities;

namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>Base of tests against the shared portal: a clean database before each test and the helpers the scenarios share.</summary>
public abstract class PortalTest(PortalFactory portal) : IAsyncLifetime
{
    protected PortalFactory Portal { get; } = portal;

    public virtual async ValueTask InitializeAsync() => await Portal.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<PortalSession> SignInAsAdminAsync() => PortalSession.SignInAsync(Portal, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

    protected Task<int> CreateAssetAsync(string name = "Robot 1") => Portal.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    /// <summary>A model row for tests of storage and push; it has no artifact, so it cannot score.</summary>
    protected Task<int> CreateModelRowAsync(int assetId, int window = 16) => Portal.WithDbAsync(async db =>
    {
        var model = new DetectorModel
        {
            AssetId = assetId, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = window,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    });

    protected static Task<int> UploadAsync(PortalSession session, int assetId, string csv, string purpose, string fileName = "recording.csv") =>
        PortalApi.UploadAsync(session, assetId, csv, purpose, fileName);

    /// <summary>Queues a job and waits for it to finish; returns the final job as the API reports it.</summary>
    protected static Task<JobView> RunJobAsync(PortalSession session, int assetId, string kind, int recordingId, TimeSpan timeout) =>
        PortalApi.RunJobAsync(session, assetId, kind, recordingId, timeout);

    /// <summary>Uploads 3,000 rows of normal robot data and trains the asset's default model on them; the job must succeed.</summary>
    protected static async Task<JobView> TrainOnNormalDataAsync(PortalSession session, int assetId)
    {
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        var training = await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3));
        training.State.ShouldBe("Succeeded", training.Error);
        return training;
    }
}
