using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Writes libtorch's native environment defaults (<see cref="OneDnnIsaCap"/>, <see cref="OpenMpWaitPolicy"/>) when
/// this assembly is first used, before any torch call in it. libtorch reads them from the process's native
/// environment, which .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not touch on Linux,
/// hence libc's setenv. A value the operator set wins.
/// </summary>
internal static class NativeEnvironment
{
#pragma warning disable CA2255 // A module initializer is the one hook that runs before any torch use in this assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ApplyDefaults()
    {
        SetUnlessChosen(OneDnnIsaCap.Variable, OneDnnIsaCap.Cap);
        SetUnlessChosen(OpenMpWaitPolicy.Variable, OpenMpWaitPolicy.Policy);
    }

    private static void SetUnlessChosen(string name, string value)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(name) is not null)
            return;
        _ = setenv(name, value, overwrite: 0);
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which this assembly does not allow.
#pragma warning disable SYSLIB1054
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
