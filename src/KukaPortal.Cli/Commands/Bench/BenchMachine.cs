using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>The facts a reader needs to compare a benchmark with their own machine.</summary>
public sealed record BenchMachine(int Cores, string Os, string Runtime, string Cpu, string Build)
{
    public static BenchMachine Describe() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        CpuModel() ?? "unknown",
        // A Debug build runs unoptimised code, so its numbers must never be mistaken for real ones.
        typeof(BenchMachine).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? "Debug" : "Release");

    /// <summary>The first "model name" of /proc/cpuinfo; null where there is none (not Linux, some ARM kernels).</summary>
    private static string? CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return null;
        return File.ReadLines(cpuInfo)
            .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
    }
}
