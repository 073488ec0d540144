namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Keeps libtorch's oneDNN CPU kernels off AVX2/AVX-512 unless the operator chose otherwise (DNNL_MAX_CPU_ISA).
/// <para>
/// Why: on this project's AMD EPYC machines (AVX-512 with vp2intersect) the oneDNN convolutions of the libtorch 2.10
/// that TorchSharp 0.107 ships turned a conv autoencoder's weights into NaN within ten Adam steps, every run; capped
/// at AVX2 they still did so now and then; capped at SSE4.1 never, over the same tests. The cap must be in the
/// process's native environment before oneDNN creates its first primitive, which .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not touch on Linux, hence libc's setenv (<see cref="NativeEnvironment"/>), run
/// when this assembly is first used (before any torch call in it). GPU work is unaffected.
/// </para>
/// </summary>
internal static class OneDnnIsaCap
{
    public const string Variable = "DNNL_MAX_CPU_ISA";
    public const string Cap = "SSE41";
}
