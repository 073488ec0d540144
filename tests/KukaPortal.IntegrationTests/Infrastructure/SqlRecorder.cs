using System.Collections.Concurrent;
using System.Diagnostics;

namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Records the SQL that Npgsql sends on behalf of the code run inside <see cref="RecordAsync"/>, from Npgsql's own
/// tracing (its "Npgsql" activity source). Only commands under this recorder's parent activity count, so tests running
/// at the same time do not mix in.
/// </summary>
public sealed class SqlRecorder : IDisposable
{
    private const string SourceName = "KukaPortal.IntegrationTests.SqlRecorder";
    private static readonly ActivitySource Source = new(SourceName);
    private readonly ConcurrentQueue<string> statements = new();
    private readonly ActivityListener listener;
    private ActivityTraceId trace;

    public SqlRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The statements sent while <paramref name="action"/> ran, in order.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        statements.Clear();
        using (var parent = Source.StartActivity("recorded") ?? throw new InvalidOperationException("The recorder's activity was not sampled."))
        {
            trace = parent.TraceId;
            await action();
        }
        return statements.ToArray();
    }

    private void Record(Activity activity)
    {
        if (activity.Source.Name != "Npgsql" || activity.TraceId != trace) return;
        // Npgsql names the statement after the OpenTelemetry conventions of its version.
        if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string sql) statements.Enqueue(sql);
    }

    public void Dispose() => listener.Dispose();
}
