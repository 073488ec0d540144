using KukaPortal.Data;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Streaming;

/// <summary>Builds an asset's pipeline from the node's singletons when the node takes the asset over.</summary>
public sealed class AssetStreamPipelineFactory(
    StreamRunStore store, IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus, BlobStore blobs,
    ScoreBatchPublisher publisher, ModelChannelNames channelNames, MonitoringNotifier notifier, StreamWakeups wakeups, RecentChunks recentChunks, IOptions<StreamingOptions> options, IOptions<WorkerOptions> worker, TimeProvider time,
    ILoggerFactory loggers)
{
    public AssetStreamPipeline Create(int assetId) => new(
        assetId, store, dbFactory, loader, torch, torchStatus, blobs, publisher, channelNames, notifier, wakeups, recentChunks, options.Value, worker.Value.ScoringBatchSize, time,
        loggers.CreateLogger<AssetStreamPipeline>());
}
