using System.Reflection;
using System.Text;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

/// <summary>
/// Checks the build step of build/TorchSharpNativeFix.targets on the output of this very test project:
/// the output copy of libLibTorchSharp.so differs from the package's in exactly the weak bit, and the
/// NuGet cache copy (which the output copy may be hard-linked to) is left as published.
/// </summary>
public sealed class NativeFixTests
{
    private const string SystemLibstdcxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";

    [Fact]
    public void Output_copy_of_LibTorchSharp_is_patched_and_the_package_cache_is_not()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists(SystemLibstdcxx), "Only Debian-like Linux hosts need the fix.");
        Assert.SkipWhen(Contains(File.ReadAllBytes(SystemLibstdcxx), "GLIBCXX_3.4.32\0"u8.ToArray()), "The system libstdc++ is new enough; the build leaves the library alone.");
        var output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var cached = Path.Combine(PackagesFolder(), "torchsharp", TorchSharpVersion(), "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.SkipUnless(File.Exists(cached), $"No package cache copy at {cached}.");

        var patched = File.ReadAllBytes(output);
        var original = File.ReadAllBytes(cached);

        patched.Length.ShouldBe(original.Length);
        var differences = Enumerable.Range(0, patched.Length).Where(i => patched[i] != original[i]).ToArray();
        differences.Length.ShouldBe(1);
        (original[differences[0]] & 0x2).ShouldBe(0);                        // the package still needs the version strictly
        patched[differences[0]].ShouldBe((byte)(original[differences[0]] | 0x2)); // the output copy needs it weakly
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string TorchSharpVersion() =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
