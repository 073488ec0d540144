using KukaPortal.Ml.Runtime;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

public sealed class LibtorchThreadCountTests
{
    [Fact]
    public void A_block_runs_on_the_count_it_asks_for_and_the_callers_count_comes_back_after_it()
    {
        // On a thread of its own, so the count it starts with is known and no other test's thread is touched.
        var counts = new int[3];
        var thread = new Thread(() =>
        {
            torch.get_num_threads(); // a thread's first use sets its count from the process default (ADR 0011): done before ours
            torch.set_num_threads(2);
            using (LibtorchThreadCount.Set(1))
                counts[0] = torch.get_num_threads();
            counts[1] = torch.get_num_threads();
            using (LibtorchThreadCount.Set(2))
                counts[2] = torch.get_num_threads();
        });
        thread.Start();
        thread.Join();

        counts.ShouldBe([1, 2, 2]);
    }
}
