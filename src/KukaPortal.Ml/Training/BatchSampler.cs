namespace KukaPortal.Ml.Training;

/// <summary>
/// Draws mini-batches of window indices in seeded random order, one shuffled pass at a time, so every
/// window is seen equally often and the same seed gives the same batches.
/// </summary>
internal sealed class BatchSampler
{
    private readonly Random random;
    private readonly int[] order;
    private readonly int batchSize;
    private int position;

    public BatchSampler(int count, int batchSize, int seed)
    {
        random = new Random(seed);
        order = Enumerable.Range(0, count).ToArray();
        this.batchSize = Math.Min(batchSize, count);
        position = count;
    }

    /// <summary>
    /// The sampler of a run that has already drawn <paramref name="batchesDrawn"/> batches: a resumed or replayed run
    /// continues the seeded sequence exactly where the interrupted one was.
    /// </summary>
    public static BatchSampler After(int batchesDrawn, int count, int batchSize, int seed)
    {
        var sampler = new BatchSampler(count, batchSize, seed);
        for (var drawn = 0; drawn < batchesDrawn; drawn++)
            sampler.Next();
        return sampler;
    }

    public int[] Next()
    {
        var batch = new int[batchSize];
        for (var i = 0; i < batch.Length; i++)
        {
            if (position == order.Length)
            {
                random.Shuffle(order);
                position = 0;
            }
            batch[i] = order[position++];
        }
        return batch;
    }
}
