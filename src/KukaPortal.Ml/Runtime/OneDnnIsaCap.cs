using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Keeps libtorch's oneDNN CPU kernels off AVX2/AVX-512 unless the operator chose otherwise (DNNL_MAX_CPU_ISA).
/// <para>
/// Why: on this project's AMD EPYC machines (AVX-512 with vp2intersect) the oneDNN convolutions of the libtorch 2.10
/// that TorchSharp 0.107 ships turned a conv autoencoder's weights into NaN within ten Adam steps, every run; capped
/// at AVX2 they still did so now and then; capped at SSE4.1 never, over the same tests. The cap must be in the
/// process's native environment before oneDNN creates its first primitive, which .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not touch on Linux, hence libc's setenv, run
/// when this assembly is first used (before any torch call in it). GPU work is unaffected.
/// </para>
/// </summary>
internal static class OneDnnIsaCap
{
    public const string Variable = "DNNL_MAX_CPU_ISA";
    public const string Cap = "SSE41";

#pragma warning disable CA2255 // A module initializer is the one hook that runs before any torch use in this assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
            return;
        _ = setenv(Variable, Cap, overwrite: 0);
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which this assembly does not allow.
#pragma warning disable SYSLIB1054
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
