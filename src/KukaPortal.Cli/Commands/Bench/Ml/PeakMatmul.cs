using TorchSharp;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// The machine's measured float32 peak for the forward table: the best rate of a large square matmul, which runs
/// BLAS's best kernel on every core (oneDNN's cap does not touch it). A model that reached it would use the CPU fully.
/// On a GPU it is cuBLAS's rate, with TF32 on as the portal runs it (<see cref="KukaPortal.Ml.Runtime.TorchRuntime"/>).
/// </summary>
internal static class PeakMatmul
{
    public sealed record Result(int Size, double GflopsPerSecond);

    public static Result Measure(int size, int repeat, torch.Device device)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        torch.manual_seed(0);
        var a = torch.randn(size, size, device: device);
        var b = torch.randn(size, size, device: device);
        var seconds = TorchTimer.BestSecondsPerCall(() =>
        {
            using var call = torch.NewDisposeScope();
            a.matmul(b);
        }, minSeconds: 0, repeat, device);
        return new Result(size, 2.0 * size * size * size / seconds / 1e9);
    }
}
