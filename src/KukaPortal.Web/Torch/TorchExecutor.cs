namespace KukaPortal.Web.Torch;

/// <summary>
/// Runs all torch work of this process on one dedicated thread. Dispose scopes and no_grad are per
/// thread and libtorch is not promised thread-safe, so torch code never runs on the thread pool and never
/// awaits; callers await the Task this returns instead. Work is taken highest <see cref="TorchPriority"/>
/// first; long work calls <see cref="RunWaitingHigherPriorityWork"/> between its steps and waits through
/// <see cref="WaitRunningHigherPriorityWork"/> (ADR 0002, 0007).
/// </summary>
public sealed class TorchExecutor : IDisposable
{
    private const int Priorities = (int)TorchPriority.Live + 1;

    [ThreadStatic] private static TorchPriority? t_running;

    private readonly Queue<Action>[] _queues = Enumerable.Range(0, Priorities).Select(_ => new Queue<Action>()).ToArray();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _available = new(0);
    // Set on every new item and by what the torch thread waits for: wakes a wait in WaitRunningHigherPriorityWork.
    private readonly AutoResetEvent _wake = new(false);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;

    public TorchExecutor()
    {
        _thread = new Thread(Drain) { IsBackground = true, Name = "torch" };
        _thread.Start();
    }

    public Task<T> RunAsync<T>(TorchPriority priority, Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _queues[(int)priority].Enqueue(() =>
            {
                try { completion.SetResult(work()); }
                catch (Exception e) { completion.SetException(e); }
            });
        }
        _available.Release();
        _wake.Set();
        return completion.Task;
    }

    public Task RunAsync(TorchPriority priority, Action work) => RunAsync(priority, () => { work(); return true; });

    /// <summary>
    /// Called by long torch work between its steps, on the torch thread: runs everything that is waiting
    /// with a higher priority than the caller's, then returns to the caller.
    /// </summary>
    public void RunWaitingHigherPriorityWork()
    {
        if (t_running is not { } current)
            throw new InvalidOperationException("Only work running on the torch thread can make room for other torch work.");
        while (TryTake(minimum: current + 1, out var item, out var priority))
            Run(item, priority);
        t_running = current;
    }

    /// <summary>
    /// Called by long torch work that has to wait (a score job for its next batch from the lanes, or for room in the
    /// channel to storage), on the torch thread: blocks until <paramref name="task"/> completes, running waiting work
    /// of a higher priority than the caller's meanwhile, so live windows do not wait for the batch. Throws what the
    /// task threw.
    /// </summary>
    public void WaitRunningHigherPriorityWork(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(_ => _wake.Set(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                RunWaitingHigherPriorityWork();
                if (!task.IsCompleted) _wake.WaitOne();
            }
        }
        task.GetAwaiter().GetResult();
    }

    private void Drain()
    {
        try
        {
            while (true)
            {
                _available.Wait(_stopping.Token);
                if (TryTake(minimum: TorchPriority.Training, out var item, out var priority))
                    Run(item, priority);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: work still queued is abandoned with the process.
        }
    }

    private static void Run(Action item, TorchPriority priority)
    {
        var outer = t_running;
        t_running = priority;
        try { item(); }
        finally { t_running = outer; }
    }

    /// <summary>Takes the highest-priority waiting item at or above <paramref name="minimum"/>.</summary>
    private bool TryTake(TorchPriority minimum, out Action item, out TorchPriority priority)
    {
        lock (_gate)
        {
            for (var p = Priorities - 1; p >= (int)minimum; p--)
            {
                if (_queues[p].TryDequeue(out item!))
                {
                    priority = (TorchPriority)p;
                    return true;
                }
            }
        }
        item = null!;
        priority = default;
        return false;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
        _available.Dispose();
        _wake.Dispose();
    }
}
