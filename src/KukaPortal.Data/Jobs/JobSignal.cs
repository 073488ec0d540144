namespace KukaPortal.Data.Jobs;

/// <summary>
/// Wakes the in-process worker as soon as a job is queued, so it need not wait for its next poll.
/// Workers in other processes still find the job by polling the table.
/// </summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _signal.WaitAsync(timeout, ct);
        // Several notifications may have piled up; one claim loop serves them all.
        while (_signal.CurrentCount > 0 && _signal.Wait(0)) { }
    }
}
