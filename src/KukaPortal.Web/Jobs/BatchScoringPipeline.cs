using System.Diagnostics;
using System.Threading.Channels;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Torch;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// The two halves of a batch scoring job (windows of a recording, or images of a set): the torch thread produces
/// score batches at BatchScoring priority; this side stores and pushes each one through <see cref="ScoreBatchPublisher"/>
/// and reports progress. The bounded channel between them (4 batches) keeps the scorer from running ahead of
/// storage: while it is full, the torch thread waits.
/// </summary>
public sealed class BatchScoringPipeline(TorchExecutor torch, ScoreBatchPublisher publisher, ILogger<BatchScoringPipeline> logger)
{
    /// <param name="produce">Runs on the torch thread; writes every batch (blocking on a full channel is the backpressure).</param>
    /// <param name="stored">Units an earlier attempt stored already (a retry continues after them).</param>
    /// <param name="unit">What a window is called in progress messages: "windows", "images".</param>
    /// <returns>Units stored in all, earlier attempts included.</returns>
    public async Task<int> RunAsync(Action<ChannelWriter<ScoreBatch>, CancellationToken> produce, int stored, int total, string unit,
        JobProgressReporter progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<ScoreBatch>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });
        // Where the time goes (logged at the end): the torch side's whole run, and the storage side's time storing,
        // pushing and waiting for the next batch. Storage that waits a lot means torch is the bottleneck, and back.
        var producing = new Stopwatch();
        var storing = new Stopwatch();
        var waiting = new Stopwatch();
        var clock = Stopwatch.StartNew();
        var scoring = torch.RunAsync(TorchPriority.BatchScoring, () =>
        {
            producing.Start();
            try
            {
                produce(batches.Writer, ct);
                batches.Writer.TryComplete();
                return true;
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);
                throw;
            }
            finally
            {
                producing.Stop();
            }
        });

        var units = Math.Max(1, total);
        var first = stored;
        try
        {
            waiting.Start();
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                waiting.Stop();
                storing.Start();
                await publisher.PublishAsync(batch, ct);
                storing.Stop();
                stored += batch.Windows.Count;
                await progress.ReportAsync((double)stored / units, $"{stored} of {units} {unit} scored", null, ct);
                waiting.Start();
            }
        }
        catch (Exception e)
        {
            // Unblocks the producer, which would otherwise wait forever for room in the channel.
            batches.Writer.TryComplete(e);
            throw;
        }
        await scoring;
        logger.LogInformation(
            "Scored {Units} {Unit} in {Seconds:F3} s: torch thread {TorchSeconds:F3} s, store and push {StoreSeconds:F3} s, storage waiting for torch {WaitSeconds:F3} s",
            stored - first, unit, clock.Elapsed.TotalSeconds, producing.Elapsed.TotalSeconds, storing.Elapsed.TotalSeconds, waiting.Elapsed.TotalSeconds);
        return stored;
    }
}
