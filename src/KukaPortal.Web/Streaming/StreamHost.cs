using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// Runs on every worker node. Every poll it looks for assets with a running stream, tries each one's
/// advisory lock, and runs the pipeline of each asset it wins for as long as it holds the lock. A
/// node that dies loses its connection and with it its locks, and the next poll of another node
/// takes the asset over from the stream's saved position.
/// </summary>
public sealed class StreamHost(
    StreamRunStore store, StreamLocks locks, AssetStreamPipelineFactory pipelines, IOptions<StreamingOptions> options,
    TimeProvider time, ILogger<StreamHost> logger) : BackgroundService
{
    private readonly Dictionary<int, Task> _owned = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var done in _owned.Where(o => o.Value.IsCompleted).Select(o => o.Key).ToList())
                    _owned.Remove(done);
                foreach (var assetId in await store.AssetsWithStreamsAsync(stoppingToken))
                {
                    if (_owned.ContainsKey(assetId)) continue;
                    if (await locks.TryAcquireAsync(assetId, stoppingToken) is { } held)
                        _owned[assetId] = OwnAsync(held, poll, stoppingToken);
                }
                await Task.Delay(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Looking for streams to own failed; trying again shortly");
                await Task.Delay(poll, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(_owned.Values);
    }

    /// <summary>Runs the asset's pipeline while the lock holds; stops it when the lock's connection is lost.</summary>
    private async Task OwnAsync(AssetStreamLock held, TimeSpan poll, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var ownership = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watch = WatchLockAsync(held, poll, ownership);
        logger.LogInformation("This node now owns the streams of asset {AssetId}", held.AssetId);
        try
        {
            await using var pipeline = pipelines.Create(held.AssetId);
            await pipeline.RunAsync(ownership.Token);
        }
        catch (OperationCanceledException) when (ownership.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The lock is released below; this node or another retries on a later poll.
            logger.LogError(e, "The stream pipeline of asset {AssetId} failed", held.AssetId);
        }
        finally
        {
            await ownership.CancelAsync();
            await watch;
            await held.DisposeAsync();
            logger.LogInformation("This node released the streams of asset {AssetId}", held.AssetId);
        }
    }

    private async Task WatchLockAsync(AssetStreamLock held, TimeSpan poll, CancellationTokenSource ownership)
    {
        try
        {
            while (!ownership.IsCancellationRequested)
            {
                await Task.Delay(poll, time, ownership.Token);
                if (!await held.IsHeldAsync(ownership.Token))
                {
                    logger.LogWarning("Lost the stream lock of asset {AssetId}; stopping its pipeline", held.AssetId);
                    await ownership.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
