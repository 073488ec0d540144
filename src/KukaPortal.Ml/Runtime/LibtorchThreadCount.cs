using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// The calling thread's libtorch thread count changed for one block and put back after it (libtorch keeps the count
/// per thread, ADR 0011). A live step's few windows run on one thread: spread over two, each small layer's parallel
/// region mostly waits for its second thread, and the live path paid 8–13 % more CPU a window for it
/// (docs/performance.md, *Push latency*, round 11).
/// </summary>
public readonly struct LibtorchThreadCount : IDisposable
{
    private readonly int _previous;

    private LibtorchThreadCount(int previous) => _previous = previous;

    public static LibtorchThreadCount Set(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var previous = torch.get_num_threads();
        if (previous != threads) torch.set_num_threads(threads);
        return new LibtorchThreadCount(previous);
    }

    public void Dispose()
    {
        // set_num_threads also sets the count threads new to torch start with: putting the caller's back keeps that too.
        if (_previous > 0 && torch.get_num_threads() != _previous) torch.set_num_threads(_previous);
    }
}
