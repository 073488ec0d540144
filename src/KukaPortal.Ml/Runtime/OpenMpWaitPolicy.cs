using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// libc's setenv in a module initializer.
/// </para>
/// </summary>
internal static class OpenMpWaitPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";
    public const string Policy = "PASSIVE";

#pragma warning disable CA2255 // A module initializer is the one hook that runs before any torch use in this assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
            return;
        _ = setenv(Variable, Policy, overwrite: 0);
    }

#pragma warning disable SYSLIB1054 // DllImport: the generated stub of LibraryImport needs unsafe code, which this assembly does not allow.
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
