using KukaPortal.Ml.Runtime;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

/// <summary>
/// The out-of-memory path, driven by real libtorch allocation failures: 2⁵⁰ bytes is more than any machine's
/// address space, so the CPU allocator refuses it at once, the way CUDA's refuses what a GPU cannot hold.
/// </summary>
public sealed class MemoryFittedBatchesTests
{
    private static void AllocateMoreThanAnyMachineHas()
    {
        using var tooBig = torch.empty(1L << 48, torch.ScalarType.Float32);
    }

    [Fact]
    public void A_real_libtorch_allocation_failure_is_recognised_as_out_of_memory()
    {
        var e = Should.Throw<Exception>(AllocateMoreThanAnyMachineHas);
        OutOfMemory.Is(e).ShouldBeTrue($"{e.GetType().Name}: {e.Message}");
    }

    [Fact]
    public void Other_torch_errors_are_not_out_of_memory()
    {
        var e = Should.Throw<Exception>(() =>
        {
            using var six = torch.ones(2, 3);
            using var wrongShape = six.reshape(4);
        });
        OutOfMemory.Is(e).ShouldBeFalse(e.Message);
    }

    [Fact]
    public void A_chunk_that_runs_out_of_memory_is_halved_and_every_item_is_computed_once_in_order()
    {
        var attempts = new List<int>();
        var batches = new MemoryFittedBatches(16, "window");

        var results = batches.Run(37, (start, length) =>
        {
            attempts.Add(length);
            if (length > 5) AllocateMoreThanAnyMachineHas();
            return Enumerable.Range(start, length).ToArray();
        });

        results.ShouldBe(Enumerable.Range(0, 37));
        batches.Limit.ShouldBe(4);
        // 16 and 8 failed once each; every chunk after that started at the size that fitted.
        attempts.Count(length => length > 5).ShouldBe(2);
        attempts.Skip(2).ShouldAllBe(length => length <= 4);
    }

    [Fact]
    public void When_one_item_alone_does_not_fit_the_error_says_so_and_how_to_go_on()
    {
        var batches = new MemoryFittedBatches(8, "image");

        var e = Should.Throw<DeviceOutOfMemoryException>(() =>
            batches.Run<int>(3, (_, _) => { AllocateMoreThanAnyMachineHas(); return []; }));

        e.Message.ShouldContain("even one image at a time");
        e.Message.ShouldContain("Torch:Device");
        OutOfMemory.Is(e.InnerException!).ShouldBeTrue();
    }

    [Fact]
    public void Failures_that_are_not_about_memory_pass_through_without_splitting()
    {
        var attempts = 0;
        var batches = new MemoryFittedBatches(8, "window");

        Should.Throw<InvalidOperationException>(() =>
            batches.Run<int>(8, (_, _) => { attempts++; throw new InvalidOperationException("broken model"); }));

        attempts.ShouldBe(1);
        batches.Limit.ShouldBe(8);
    }
}
