namespace KukaPortal.Ml.Runtime;

/// <summary>Which device torch work runs on. Auto picks CUDA when the process has a usable GPU.</summary>
public enum TorchDeviceOption
{
    Auto,
    Cpu,
    Cuda,
}
