using KukaPortal.Ml.Runtime;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Cpu_initialisation_loads_libtorch_and_reports_it()
    {
        var info = TorchRuntime.Initialize(TorchDeviceOption.Cpu);

        info.Error.ShouldBeNull();
        info.Available.ShouldBeTrue();
        info.DeviceType.ShouldBe("cpu");
        info.LibTorchVersion.ShouldNotBeNullOrWhiteSpace();
        info.Threads.ShouldBeGreaterThan(0);
        info.ToDevice().type.ShouldBe(DeviceType.CPU);
    }

    [Fact]
    public void Asking_for_cuda_without_a_gpu_reports_unavailable_instead_of_throwing()
    {
        Assert.SkipWhen(torch.cuda.is_available(), "This machine has a GPU.");

        var info = TorchRuntime.Initialize(TorchDeviceOption.Cuda);

        info.Available.ShouldBeFalse();
        info.Error.ShouldNotBeNull().ShouldContain("CUDA");
        Should.Throw<InvalidOperationException>(() => info.ToDevice());
    }

    [Fact]
    public void Auto_falls_back_to_cpu_without_a_gpu()
    {
        var info = TorchRuntime.Initialize(TorchDeviceOption.Auto);

        info.Available.ShouldBeTrue();
        info.DeviceType.ShouldBe(torch.cuda.is_available() ? "cuda" : "cpu");
    }

    [Fact]
    public void Nnpack_stays_on_only_where_the_cpu_can_run_it()
    {
        TorchRuntime.Initialize(TorchDeviceOption.Cpu);

        // Where NNPACK cannot run (this development machine: "Unsupported hardware"), libtorch would check and log on
        // every small convolution unless it is switched off; where it runs, it is left as libtorch chose.
        Nnpack.Enabled.ShouldBe(Nnpack.Available);
        using var output = torch.nn.functional.conv1d(torch.ones(1, 6, 16), torch.ones(4, 6, 3));
        output.shape.ShouldBe([1L, 4, 14]);
        output[0, 0, 0].item<float>().ShouldBe(18f);
    }
}
