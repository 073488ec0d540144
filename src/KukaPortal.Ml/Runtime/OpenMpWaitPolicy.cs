namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Lets libtorch's idle OpenMP workers sleep instead of spinning (OMP_WAIT_POLICY=PASSIVE) unless the operator chose
/// otherwise.
/// <para>
/// Why: the portal shares its cores with Kestrel, PostgreSQL and the storage side of every scoring job. Spinning
/// workers burn the time slices those need and, when the machine is busy, wait for each other's slices: on the
/// 2-core development machine under load, the scoring bench's raw forward pass ran 4.5 times faster with two torch
/// threads and this policy than with two spinning ones (docs/performance.md, "Scoring pipeline"). Like
/// <see cref="OneDnnIsaCap"/>, it must be in the native environment before libtorch loads its OpenMP runtime, hence
/// libc's setenv (<see cref="NativeEnvironment"/>).
/// </para>
/// </summary>
internal static class OpenMpWaitPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";
    public const string Policy = "PASSIVE";
}
