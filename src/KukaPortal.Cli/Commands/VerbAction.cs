using System.CommandLine;

namespace KukaPortal.Cli.Commands;

/// <summary>Wraps a verb's body so that a <see cref="CommandFailure"/> becomes its message on stderr and its exit code.</summary>
internal static class VerbAction
{
    public static Func<ParseResult, CancellationToken, Task<int>> Of(Func<ParseResult, CancellationToken, Task<int>> body) =>
        async (result, ct) =>
        {
            try
            {
                return await body(result, ct);
            }
            catch (CommandFailure e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return e.ExitCode;
            }
        };
}
