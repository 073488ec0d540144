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
public sealed class BatchScoringPipeline(TorchExecutor torch, ScoreBatchPublisher publisher)
{
    /// <param name="produce">Runs on the torch thread; writes every batch (blocking on a full channel is the backpressure).</param>
    /// <param name="stored">Units an earlier attempt stored already (a retry continues after them).</param>
    /// <param name="unit">What a window is called in progress messages: "windows", "images".</param>
    /// <returns>Units stored in all, earlier attempts included.</returns>
    public async Task<int> RunAsync(Action<ChannelWriter<ScoreBatch>, CancellationToken> produce, int stored, int total, string unit,
        JobProgressReporter progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<ScoreBatch>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });
        var scoring = torch.RunAsync(TorchPriority.BatchScoring, () =>
        {
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
        });

        total = Math.Max(1, total);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await publisher.PublishAsync(batch, ct);
                stored += batch.Windows.Count;
                await progress.ReportAsync((double)stored / total, $"{stored} of {total} {unit} scored", null, ct);
            }
        }
        catch (Exception e)
        {
            // Unblocks the producer, which would otherwise wait forever for room in the channel.
            batches.Writer.TryComplete(e);
            throw;
        }
        await scoring;
        return stored;
    }
}
