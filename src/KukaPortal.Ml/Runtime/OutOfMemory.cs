using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Recognises libtorch running out of device memory. TorchSharp surfaces every native error as an
/// <see cref="ExternalException"/> carrying libtorch's message, so the message is all there is to go on:
/// CUDA's caching allocator says "CUDA out of memory", the CPU allocator "not enough memory".
/// </summary>
public static class OutOfMemory
{
    private static readonly string[] Phrases = ["out of memory", "not enough memory", "can't allocate memory"];

    public static bool Is(Exception e) =>
        e is ExternalException && Phrases.Any(phrase => e.Message.Contains(phrase, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Even one item at a time did not fit in the device's memory: the work cannot run on this device as it is.</summary>
public sealed class DeviceOutOfMemoryException(string what, Exception inner)
    : Exception($"The device ran out of memory for even one {what} at a time ({FirstLine(inner.Message)}). " +
                "Free the GPU of other work or score on the CPU (Torch:Device = Cpu).", inner)
{
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
