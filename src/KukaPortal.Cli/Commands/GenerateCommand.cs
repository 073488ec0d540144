using System.CommandLine;

namespace KukaPortal.Cli.Commands;

/// <summary><c>generate robot …</c>, <c>generate kuka …</c> and <c>generate images …</c>: data from the built-in simulators.</summary>
public static class GenerateCommand
{
    public static Command Create() => new("generate", "Generate recordings and image sets with the built-in simulators.")
    {
        GenerateRobotCommand.Create(),
        GenerateKukaCommand.Create(),
        GenerateImagesCommand.Create(),
    };
}
