using KukaPortal.Ml.Runtime;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

public sealed class TorchLanesTests
{
    [Fact]
    public void Results_come_back_in_order_whichever_lane_finishes_first()
    {
        using var lanes = new TorchLanes(2);

        // Even pieces are slow, odd ones quick: the odd ones finish first on their lane.
        var results = lanes.InOrder(12, (index, lane) =>
        {
            Thread.Sleep(index % 2 == 0 ? 20 : 1);
            return (Index: index, Thread: Thread.CurrentThread.Name);
        }, ahead: 4).ToList();

        results.Select(r => r.Index).ShouldBe(Enumerable.Range(0, 12));
        results.Select(r => r.Thread).Distinct().Order().ShouldBe(["torch-lane-1", "torch-lane-2"]);
    }

    [Fact]
    public void Each_lane_runs_libtorch_on_one_thread_and_leaves_other_threads_their_count()
    {
        var callers = torch.get_num_threads();

        using var lanes = new TorchLanes(2);
        var laneThreads = lanes.InOrder(4, (_, _) => torch.get_num_threads(), ahead: 2).ToList();

        laneThreads.ShouldAllBe(n => n == 1);
        torch.get_num_threads().ShouldBe(callers);
        // A thread that starts using torch now takes the default, not the lanes' one thread.
        var newcomer = 0;
        var thread = new Thread(() => newcomer = torch.get_num_threads());
        thread.Start();
        thread.Join();
        newcomer.ShouldBe(callers);
    }

    [Fact]
    public void Lanes_run_at_a_lower_cpu_priority_than_the_caller()
    {
        var callers = NiceOfThisThread();

        using var lanes = new TorchLanes(2);
        var laneNices = lanes.InOrder(4, (_, _) => NiceOfThisThread(), ahead: 2).ToList();

        laneNices.ShouldAllBe(n => n == Math.Min(19, callers + BackgroundPriority.Nice));
        NiceOfThisThread().ShouldBe(callers);
    }

    /// <summary>Field 19 of /proc/thread-self/stat; the fields after the command name, which may hold spaces, start at 3.</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Scoring_gets_the_configured_lanes_or_one_per_torch_thread_on_a_cpu_and_none_on_a_gpu()
    {
        using (var three = TorchLanes.ForScoring(torch.CPU, configured: 3))
            three.ShouldNotBeNull().Count.ShouldBe(3);
        TorchLanes.ForScoring(torch.CPU, configured: 1).ShouldBeNull();
        TorchLanes.ForScoring(new torch.Device(DeviceType.CUDA), configured: 2).ShouldBeNull();
        using var perThread = TorchLanes.ForScoring(torch.CPU);
        (perThread?.Count ?? 1).ShouldBe(torch.get_num_threads());
    }

    [Fact]
    public void Side_by_side_matrix_multiplies_equal_the_callers_own()
    {
        using var lanes = new TorchLanes(2);
        using var a = torch.rand(256, 384, generator: new torch.Generator(7));
        using var b = torch.rand(384, 128, generator: new torch.Generator(8));
        using var expected = a.mm(b);

        var maxDifference = lanes.InOrder(6, (_, _) =>
        {
            using var scope = torch.NewDisposeScope();
            return (a.mm(b) - expected).abs().max().item<float>();
        }, ahead: 2).Max();

        maxDifference.ShouldBeLessThanOrEqualTo(1e-4f);
    }

    [Fact]
    public void A_caller_that_asks_for_a_result_not_ready_yet_waits_the_way_the_lanes_creator_chose()
    {
        // The first piece cannot finish until the caller is in its wait: without the chosen wait it would time out.
        using var callerWaits = new ManualResetEventSlim();
        var waits = 0;
        using var lanes = new TorchLanes(2, waitForResult: task =>
        {
            Interlocked.Increment(ref waits);
            callerWaits.Set();
            task.GetAwaiter().GetResult();
        });

        var results = lanes.InOrder(4, (index, _) =>
        {
            if (index == 0 && !callerWaits.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("the caller never waited the chosen way");
            return index;
        }, ahead: 2).ToList();

        results.ShouldBe([0, 1, 2, 3]);
        waits.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void A_failing_piece_surfaces_after_the_results_before_it_and_stops_the_lanes_taking_more()
    {
        using var lanes = new TorchLanes(2);
        var started = 0;
        var received = new List<int>();

        var error = Should.Throw<InvalidOperationException>(() =>
        {
            foreach (var index in lanes.InOrder(100, (index, _) =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(2);
                return index == 5 ? throw new InvalidOperationException("piece 5 failed") : index;
            }, ahead: 4))
            {
                received.Add(index);
            }
        });

        error.Message.ShouldBe("piece 5 failed");
        received.ShouldBe([0, 1, 2, 3, 4]);
        started.ShouldBeLessThan(5 + 1 + 4 + 2); // at most what the window allowed past the failure
    }

    [Fact]
    public void A_caller_that_stops_early_finds_no_piece_running_and_none_starts_later()
    {
        using var lanes = new TorchLanes(2);
        var started = 0;
        var running = 0;

        foreach (var index in lanes.InOrder(100, (index, _) =>
        {
            Interlocked.Increment(ref started);
            Interlocked.Increment(ref running);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return index;
        }, ahead: 3))
        {
            if (index == 1) break;
        }

        Volatile.Read(ref running).ShouldBe(0);
        var startedAtBreak = Volatile.Read(ref started);
        startedAtBreak.ShouldBeLessThanOrEqualTo(2 + 3);
        Thread.Sleep(50);
        Volatile.Read(ref started).ShouldBe(startedAtBreak);
    }

    [Fact]
    public void Lanes_never_run_more_than_the_window_ahead_of_a_slow_caller()
    {
        using var lanes = new TorchLanes(2);
        var started = 0;
        var taken = 0;
        var mostAhead = 0;

        foreach (var _ in lanes.InOrder(40, (index, _) =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref taken);
            InterlockedMax(ref mostAhead, ahead);
            return index;
        }, ahead: 3))
        {
            Interlocked.Increment(ref taken);
            Thread.Sleep(2); // the caller storing its batch
        }

        mostAhead.ShouldBeLessThanOrEqualTo(3);
        mostAhead.ShouldBeGreaterThan(1); // the lanes did work ahead of the caller
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
