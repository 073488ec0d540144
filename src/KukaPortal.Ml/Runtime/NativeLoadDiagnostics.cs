using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// TorchSharp reports every native load failure as "doesn't contain a reference to libtorch-cpu-..."
/// plus a long trace, which hides the real cause (e.g. a missing GLIBCXX version on Debian 12).
/// Loading libLibTorchSharp directly yields the loader's own message, which names the cause.
/// </summary>
internal static class NativeLoadDiagnostics
{
    public static string Explain(Exception failure)
    {
        var summary = $"Torch native library could not be loaded: {FirstLine(failure)}";
        var library = FindLibTorchSharp();
        if (library is null)
            return summary + " libLibTorchSharp was not found next to the application; reference TorchSharp-cpu (UsesTorchNatives=true).";

        try
        {
            NativeLibrary.Free(NativeLibrary.Load(library));
            return summary;
        }
        catch (Exception e)
        {
            var hint = e.Message.Contains("GLIBCXX", StringComparison.Ordinal)
                ? " The system libstdc++ is older than the one TorchSharp was built against; build with the repository's TorchSharpNativeFix (Directory.Build.targets) so the output copy is patched."
                : "";
            return $"Torch native library could not be loaded: {e.Message}{hint}";
        }
    }

    private static string? FindLibTorchSharp()
    {
        var name = OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib"
            : "libLibTorchSharp.so";
        var root = AppContext.BaseDirectory;
        return new[] { Path.Combine(root, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", name),
                       Path.Combine(root, "runtimes", $"linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", "native", name),
                       Path.Combine(root, name) }
            .FirstOrDefault(File.Exists);
    }

    private static string FirstLine(Exception e)
    {
        var message = e.Message.Trim();
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
