using System.Diagnostics.Tracing;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

/// <summary>
/// Counts the TorchSharp <see cref="Scalar"/>s that an action leaves for the finalizer: the temporaries (from
/// <c>x * 2</c>, <c>square()</c>, <c>LeakyReLU</c>…) whose finalizer can free the native scalar while libtorch still
/// reads it, the race the no-GC region guards against. A scalar disposed in time or held for the life of the process
/// is never finalized and never counted.
/// <para>
/// How: the runtime's own FinalizeObject event (GC keyword, verbose) names each finalized object's type. Two
/// sentinel objects, each finalized in a collection of its own, bracket the action; the finalizer thread reports in
/// order, so the Scalar events between the two sentinels' are exactly the action's. Tests in this assembly run one
/// at a time, so no other test's scalars fall between them.
/// </para>
/// </summary>
internal static class TemporaryScalars
{
    public static int LeftBy(Action action)
    {
        using var listener = new FinalizationListener();
        listener.Mark(); // waits until the listener hears the runtime, and flushes older finalizable objects
        var before = listener.Scalars;
        action();
        listener.Mark();
        return listener.Scalars - before;
    }

    private sealed class Sentinel
    {
        ~Sentinel()
        {
        }
    }

    private sealed class FinalizationListener : EventListener
    {
        private static readonly long ScalarType = typeof(Scalar).TypeHandle.Value.ToInt64();
        private static readonly long SentinelType = typeof(Sentinel).TypeHandle.Value.ToInt64();

        private int scalars;
        private int sentinels;
        private int scalarsAtLastSentinel;
        private bool heardAnything;

        /// <summary>Scalars finalized up to the latest sentinel.</summary>
        public int Scalars => Volatile.Read(ref scalarsAtLastSentinel);

        /// <summary>
        /// Finalizes everything pending, then a sentinel, and waits until a sentinel's event has arrived. The runtime's
        /// event session drops events when its buffer fills, as it can while the first mark finalizes the garbage of the
        /// tests before (a clean-clone run once waited 30 s for a sentinel that never came), so a sentinel not heard
        /// within a second is followed by another: every sentinel is finalized after all that was pending before it, and
        /// the finalizer thread reports in order, so any of them marks the same point.
        /// </summary>
        public void Mark()
        {
            WaitUntilHeard();
            var awaited = Volatile.Read(ref sentinels) + 1;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Await(() =>
            {
                MakeSentinel();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var heardBy = DateTime.UtcNow.AddSeconds(1);
                while (Volatile.Read(ref sentinels) < awaited && DateTime.UtcNow < heardBy) Thread.Sleep(20);
                return Volatile.Read(ref sentinels) >= awaited;
            }, "a sentinel's FinalizeObject event");
        }

        /// <summary>Events flow only once the runtime has enabled the session: until then a sentinel would go unheard.</summary>
        private void WaitUntilHeard() => Await(() =>
        {
            GC.Collect();
            return Volatile.Read(ref heardAnything);
        }, "the runtime's GC events");

        private static void Await(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Waited 30 s for {what}.");
                Thread.Sleep(20);
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            Volatile.Write(ref heardAnything, true);
            if (e.EventName != "FinalizeObject" || e.PayloadNames is null || e.Payload is null)
                return;
            var type = e.Payload[e.PayloadNames.IndexOf("TypeID")] switch
            {
                IntPtr pointer => pointer.ToInt64(),
                var other => Convert.ToInt64(other),
            };
            if (type == ScalarType)
            {
                Interlocked.Increment(ref scalars);
            }
            else if (type == SentinelType)
            {
                Volatile.Write(ref scalarsAtLastSentinel, Volatile.Read(ref scalars));
                Interlocked.Increment(ref sentinels);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void MakeSentinel() => _ = new Sentinel();
    }
}
