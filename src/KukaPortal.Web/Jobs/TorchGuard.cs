using KukaPortal.Web.Torch;

namespace KukaPortal.Web.Jobs;

internal static class TorchGuard
{
    public static void EnsureAvailable(TorchStatus status)
    {
        if (!status.Info.Available)
            throw new JobFailedException($"Torch is not available on this node, so models cannot run: {status.Info.Error}");
    }
}
