using System.CommandLine;

namespace KukaPortal.Cli.Commands;

/// <summary><c>generate robot …</c> and <c>generate kuka …</c>: data from the built-in simulator.</summary>
public static class GenerateCommand
{
    public static Command Create() => new("generate", "Generate recordings with the built-in simulators.")
    {
        GenerateRobotCommand.Create(),
        GenerateKukaCommand.Create(),
    };
}
