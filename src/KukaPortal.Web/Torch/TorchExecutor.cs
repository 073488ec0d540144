using System.Collections.Concurrent;

namespace KukaPortal.Web.Torch;

/// <summary>
/// Runs all torch work of this process on one dedicated thread, one item at a time. Dispose scopes and
/// no_grad are per thread and libtorch is not promised thread-safe, so torch code never runs on the
/// thread pool and never awaits; callers await the Task this returns instead.
/// </summary>
public sealed class TorchExecutor : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public TorchExecutor()
    {
        _thread = new Thread(Drain) { IsBackground = true, Name = "torch" };
        _thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { completion.SetResult(work()); }
            catch (Exception e) { completion.SetException(e); }
        });
        return completion.Task;
    }

    public Task RunAsync(Action work) => RunAsync(() => { work(); return true; });

    private void Drain()
    {
        foreach (var item in _work.GetConsumingEnumerable())
            item();
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
        _work.Dispose();
    }
}
