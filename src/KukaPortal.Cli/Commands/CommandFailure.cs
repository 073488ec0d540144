namespace KukaPortal.Cli.Commands;

/// <summary>
/// Ends a verb with a message for stderr and an exit code. Helpers deep inside a verb throw it, so each
/// action needs one catch (<see cref="VerbAction"/>) instead of threading exit codes back by hand.
/// </summary>
internal sealed class CommandFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CommandFailure Usage(string message) => new(ExitCodes.Usage, message);

    public static CommandFailure Rejected(string message) => new(ExitCodes.Rejected, message);
}
