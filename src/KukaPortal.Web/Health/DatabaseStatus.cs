namespace KukaPortal.Web.Health;

/// <summary>
/// Whether this node reaches its database, as the last probe (<see cref="DatabaseWatch"/> or /health) found it.
/// Pages show a banner while it is unreachable; <see cref="Changed"/> tells open circuits to re-render.
/// </summary>
public sealed class DatabaseStatus
{
    private volatile bool _reachable = true;

    public bool Reachable => _reachable;

    public event Action? Changed;

    public void Report(bool reachable)
    {
        if (_reachable == reachable) return;
        _reachable = reachable;
        Changed?.Invoke();
    }
}
