using KukaPortal.Ml.Runtime;

namespace KukaPortal.Web.Torch;

/// <summary>What the torch runtime reported at start-up; shown on /health and the dashboard.</summary>
public sealed class TorchStatus
{
    public TorchInfo Info { get; private set; } = TorchInfo.Unavailable("cpu", "Torch has not been initialised yet.");

    internal void Set(TorchInfo info) => Info = info;
}
