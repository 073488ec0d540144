using KukaPortal.Ml.Runtime;

namespace KukaPortal.Web.Torch;

public sealed class TorchOptions
{
    public const string Section = "Torch";

    public TorchDeviceOption Device { get; set; } = TorchDeviceOption.Auto;

    /// <summary>Intra-op threads for libtorch; 0 uses every core.</summary>
    public int Threads { get; set; }

    /// <summary>
    /// Batches a score job runs side by side on a CPU, each on one thread (ADR 0011); 0 runs one per torch thread, 1
    /// runs one batch at a time on all of them.
    /// </summary>
    public int ScoringLanes { get; set; }
}
