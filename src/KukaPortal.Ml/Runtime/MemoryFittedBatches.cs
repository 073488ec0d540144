namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Runs inference in chunks that fit the device's memory. A chunk that runs out of memory is tried again at
/// half the size, and the smaller size is kept for the chunks after it, so a GPU shared with training (or a
/// batch size tuned on a bigger card) slows scoring down instead of failing the job. Only when one item alone
/// does not fit does it give up, with <see cref="DeviceOutOfMemoryException"/>. <see cref="Limit"/> tells what fits. Not thread-safe: one per
/// model, used on the torch thread like the model itself.
/// </summary>
public sealed class MemoryFittedBatches(int requested, string itemName)
{
    /// <summary>The most items one chunk holds now: the requested batch size until memory ran out.</summary>
    public int Limit { get; private set; } = requested >= 1 ? requested : throw new ArgumentOutOfRangeException(nameof(requested));

    /// <summary>Results of items [0, count), computed by <paramref name="runRange"/>(start, length) on chunks that fit.</summary>
    public List<T> Run<T>(int count, Func<int, int, IReadOnlyList<T>> runRange)
    {
        var results = new List<T>(count);
        var start = 0;
        while (start < count)
        {
            var length = Math.Min(Limit, count - start);
            try
            {
                results.AddRange(runRange(start, length));
                start += length;
            }
            catch (Exception e) when (OutOfMemory.Is(e))
            {
                if (length == 1) throw new DeviceOutOfMemoryException(itemName, e);
                Limit = length / 2;
            }
        }
        return results;
    }
}
