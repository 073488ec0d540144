using KukaPortal.Ml.Runtime;

namespace KukaPortal.Web.Torch;

public sealed class TorchOptions
{
    public const string Section = "Torch";

    public TorchDeviceOption Device { get; set; } = TorchDeviceOption.Auto;

    /// <summary>Intra-op threads for libtorch; 0 uses every core.</summary>
    public int Threads { get; set; }
}
