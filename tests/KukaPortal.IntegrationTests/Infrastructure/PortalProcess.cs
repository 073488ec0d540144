using System.Diagnostics;
using System.Text;

namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal as a real operating-system process (<c>dotnet KukaPortal.Web.dll</c> from the test's output folder),
/// configured like a node of a deployment through environment variables, so that a test can kill it the hard
/// way (SIGKILL): no shutdown hook runs, no lease is handed back, nothing is flushed.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PortalProcess(Process process) => _process = process;

    /// <summary>Starts a process with <paramref name="node"/>'s settings (database, storage, small models) plus <paramref name="overrides"/>.</summary>
    public static PortalProcess Start(PortalFactory node, IDictionary<string, string?> overrides)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "KukaPortal.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string?>(node.SettingsForAnotherProcess());
        foreach (var (key, value) in overrides) settings[key] = value;
        settings["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;

        var portal = new PortalProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        portal._process.OutputDataReceived += (_, line) => portal.Append(line.Data);
        portal._process.ErrorDataReceived += (_, line) => portal.Append(line.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        return portal;
    }

    public bool Exited => _process.HasExited;

    /// <summary>What the process wrote so far: for a failing test's message.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
