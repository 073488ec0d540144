using System.Reflection;
using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>The TorchSharp version this build runs on, written into every artifact so a result can be reproduced.</summary>
internal static class TorchSharpBuild
{
    public static string Version { get; } =
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
}
