using KukaPortal.Web.Streaming;

namespace KukaPortal.Web.Tests.Streaming;

public class StreamWakeupsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan NoWait = TimeSpan.Zero;
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // A broken wake-up would wait out the hour: the timeout turns that into a failure.
    [Fact(Timeout = 60_000)]
    public async Task A_wake_up_that_came_while_the_pipeline_was_busy_ends_its_next_wait_at_once()
    {
        var wakeups = new StreamWakeups();
        wakeups.Wake(7);

        (await wakeups.WaitAsync(7, Hour, Ct)).ShouldBeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_waiting_pipeline_is_woken_by_ingest_of_its_asset()
    {
        var wakeups = new StreamWakeups();
        var waiting = wakeups.WaitAsync(7, Hour, Ct);
        waiting.IsCompleted.ShouldBeFalse();

        wakeups.Wake(7);

        (await waiting).ShouldBeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task Many_wake_ups_while_busy_count_once_so_the_pipeline_then_waits_for_the_tick_again()
    {
        var wakeups = new StreamWakeups();
        for (var i = 0; i < 5; i++) wakeups.Wake(7);

        (await wakeups.WaitAsync(7, Hour, Ct)).ShouldBeTrue();
        (await wakeups.WaitAsync(7, NoWait, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Ingest_for_another_asset_does_not_wake_the_pipeline()
    {
        var wakeups = new StreamWakeups();
        wakeups.Wake(8);

        (await wakeups.WaitAsync(7, NoWait, Ct)).ShouldBeFalse();
    }
}
