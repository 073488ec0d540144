using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Turns libtorch's NNPACK convolutions off on a CPU that cannot run them.
/// <para>
/// Why: libtorch 2.10 considers NNPACK for convolutions that oneDNN declines (the one- or two-window batches a live
/// stream scores) and, where NNPACK does not support the CPU, logs "Could not initialize NNPACK! Reason: Unsupported
/// hardware." on every such forward pass: 37,000 lines on stderr in one two-minute push bench. The convolution then
/// falls back to libtorch's own kernel; turning NNPACK off takes the same kernel without the check and its log line.
/// TorchSharp binds no switch, so this calls what Python's <c>torch.backends.nnpack.set_flags(False)</c> calls,
/// <c>at::globalContext().setUserEnabledNNPACK(false)</c>, through libtorch's exported C++ symbols. A CPU that runs
/// NNPACK keeps it.
/// </para>
/// </summary>
public static class Nnpack
{
    private const string LibTorch = "libtorch_cpu";

    /// <summary>Whether libtorch can run NNPACK on this CPU (libtorch logs the reason once when it cannot).</summary>
    public static bool Available => nnpack_available();

    /// <summary>Whether libtorch would use NNPACK where it fits (its user switch).</summary>
    public static bool Enabled => user_enabled_nnpack(global_context());

    /// <summary>Turns NNPACK off where it is unavailable; called once the torch runtime is loaded.</summary>
    /// <returns>Whether it was turned off; false where NNPACK runs or the symbols are missing (another libtorch build).</returns>
    public static bool DisableWhereUnsupported()
    {
        try
        {
            if (Available) return false;
            set_user_enabled_nnpack(global_context(), enabled: false);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which this assembly does not allow.
    // The entry points are the Itanium-mangled names of at::_ops::_nnpack_available::call(), at::globalContext(),
    // at::Context::userEnabledNNPACK() const and at::Context::setUserEnabledNNPACK(bool); a member function takes the
    // object as its first argument. C++ bool is one byte.
#pragma warning disable SYSLIB1054
    [DllImport(LibTorch, EntryPoint = "_ZN2at4_ops17_nnpack_available4callEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool nnpack_available();

    [DllImport(LibTorch, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern nint global_context();

    [DllImport(LibTorch, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool user_enabled_nnpack(nint context);

    [DllImport(LibTorch, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void set_user_enabled_nnpack(nint context, [MarshalAs(UnmanagedType.U1)] bool enabled);
#pragma warning restore SYSLIB1054
}
