namespace KukaPortal.Cli.Tests;

/// <summary>Runs the real command tree in-process, as <c>kukaportal</c> would, and keeps what it printed.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await KukaCli.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Both streams, for assertion messages that show what went wrong.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
