using System.Collections.Concurrent;
using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Threads that run independent pieces of torch work side by side, each with one libtorch thread: the forward
/// passes of a score job's batches (ADR 0011). On this 2-core VM two batches side by side scored 1.65× the windows/s of
/// one batch spread over both cores: a model's small layers leave a parallel region's second thread idle much of
/// the time, and a lane of its own has no region to wait in (docs/performance.md, "Scoring pipeline", round 10).
/// <para>
/// Libtorch keeps its thread count per calling thread (OpenMP's and MKL's thread-local settings), so a lane's one
/// thread leaves the torch thread's count alone; only threads that start using torch later would inherit one, so the
/// constructor puts the process-wide default back. Create lanes after <see cref="TorchRuntime.Initialize"/>.
/// </para>
/// <para>
/// The torch thread hands its pieces over and takes their results in order (<see cref="InOrder{T}"/>); each piece opens
/// its own dispose scope and no_grad, which are per thread. Pieces may share a module only to read it (a forward in
/// eval mode, under no_grad). How the caller waits for a result that is not ready is the creator's choice: the portal's
/// torch thread runs its waiting live work meanwhile.
/// </para>
/// <para>
/// Lanes run at a lower CPU priority (<see cref="BackgroundPriority"/>): beside live dashboards a score job's forwards
/// take the cores the live path leaves, and the job's own storage goes before its next forward.
/// </para>
/// </summary>
public sealed class TorchLanes : IDisposable
{
    private readonly BlockingCollection<Action>[] _queues;
    private readonly Thread[] _threads;
    private readonly Action<Task> _waitForResult;

    /// <param name="waitForResult">Blocks the caller until a piece's result is ready; by default it just blocks.</param>
    public TorchLanes(int count, Action<Task>? waitForResult = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _waitForResult = waitForResult ?? (task => task.GetAwaiter().GetResult());
        var defaultThreads = torch.get_num_threads();
        _queues = Enumerable.Range(0, count).Select(_ => new BlockingCollection<Action>()).ToArray();
        using var ready = new CountdownEvent(count);
        _threads = Enumerable.Range(0, count).Select(i => new Thread(() => Drain(_queues[i], ready))
        {
            IsBackground = true,
            Name = $"torch-lane-{i + 1}",
        }).ToArray();
        foreach (var thread in _threads)
            thread.Start();
        ready.Wait();
        // set_num_threads also stores the count that threads new to torch start with; the lanes left it at 1.
        torch.set_num_threads(defaultThreads);
    }

    /// <summary>
    /// The lanes a scorer on <paramref name="device"/> uses: <paramref name="configured"/> of them, or with 0 one per
    /// libtorch thread of the calling thread; none (null) on a GPU, which spreads one batch over its cores by itself,
    /// or where that makes one.
    /// </summary>
    public static TorchLanes? ForScoring(torch.Device device, int configured = 0, Action<Task>? waitForResult = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(configured);
        if (device.type != DeviceType.CPU) return null;
        var count = configured > 0 ? configured : torch.get_num_threads();
        return count > 1 ? new TorchLanes(count, waitForResult) : null;
    }

    /// <summary>How many pieces run at once.</summary>
    public int Count => _queues.Length;

    /// <summary>
    /// Runs pieces 0 … <paramref name="count"/> − 1, each lane taking the next one as soon as it is free, and returns
    /// their results in order as the caller asks for them. The lanes never run more than <paramref name="ahead"/> pieces
    /// beyond the results the caller is done with (memory stays bounded when the caller is slow), and a lane kept busy
    /// by other work on its core does not hold the others up. <paramref name="piece"/> gets (index, lane).
    /// <para>
    /// A piece that throws stops the lanes taking more; the caller gets every result before it, then the exception.
    /// When the caller stops early (an exception of its own, a cancelled job) the enumerator's disposal waits for the
    /// pieces still running, so nothing runs on a lane once the caller has moved on.
    /// </para>
    /// </summary>
    public IEnumerable<T> InOrder<T>(int count, Func<int, int, T> piece, int ahead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, 1);
        return Iterate();

        IEnumerable<T> Iterate()
        {
            var results = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource<T>()).ToArray();
            using var room = new SemaphoreSlim(ahead);
            using var lanesDone = new CountdownEvent(Count);
            var next = -1;
            var stopped = false;
            for (var lane = 0; lane < Count; lane++)
            {
                var self = lane;
                _queues[lane].Add(() =>
                {
                    try
                    {
                        while (true)
                        {
                            room.Wait();
                            var index = Interlocked.Increment(ref next);
                            if (Volatile.Read(ref stopped) || index >= count)
                                return;
                            try { results[index].SetResult(piece(index, self)); }
                            catch (Exception e)
                            {
                                results[index].SetException(e);
                                Volatile.Write(ref stopped, true);
                            }
                        }
                    }
                    finally
                    {
                        // Lets the other lanes past room.Wait to see that the work is over.
                        room.Release();
                        lanesDone.Signal();
                    }
                });
            }
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var result = results[i].Task;
                    if (!result.IsCompleted) _waitForResult(result);
                    yield return result.GetAwaiter().GetResult();
                    // The caller asked for the next result: it is done with this one, and a lane may start one more.
                    room.Release();
                }
            }
            finally
            {
                Volatile.Write(ref stopped, true);
                room.Release(Count);
                lanesDone.Wait();
            }
        }
    }

    private static void Drain(BlockingCollection<Action> queue, CountdownEvent ready)
    {
        // A thread's first parallel op sets its count from the process default unless asked once before (libtorch's
        // lazy_init_num_threads): asking first keeps the constructor's restored default from undoing the 1 below.
        torch.get_num_threads();
        torch.set_num_threads(1);
        // Batch work: live windows and storage, on the other threads, get the cores first when both want them.
        BackgroundPriority.LowerCallingThread();
        ready.Signal();
        foreach (var piece in queue.GetConsumingEnumerable())
            piece();
    }

    public void Dispose()
    {
        foreach (var queue in _queues)
            queue.CompleteAdding();
        foreach (var thread in _threads)
            thread.Join(TimeSpan.FromSeconds(10));
        foreach (var queue in _queues)
            queue.Dispose();
    }
}
