namespace KukaPortal.Data.Scores;

/// <summary>
/// Wall-clock time of a batch scoring run's windows: the job's creation time plus the window's offset from
/// the recording's first timestamp. Both are fixed for a job, so a retried batch gets the very same times
/// (and hence the same partition and idempotency key). Rounded to PostgreSQL's microsecond.
/// </summary>
public sealed record RunClock(DateTimeOffset Origin, double FirstSeconds)
{
    public DateTimeOffset At(double seconds)
    {
        var offsetMicroseconds = Math.Round((seconds - FirstSeconds) * 1e6);
        return TruncateToMicroseconds(Origin).AddTicks((long)offsetMicroseconds * TimeSpan.TicksPerMicrosecond);
    }

    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
