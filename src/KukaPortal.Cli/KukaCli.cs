using System.CommandLine;
using KukaPortal.Cli.Commands;
using KukaPortal.Cli.Commands.Bench;
using KukaPortal.Cli.Commands.Evaluation;
using KukaPortal.Cli.Commands.Experiments;
using KukaPortal.Cli.Commands.Scoring;
using KukaPortal.Cli.Commands.Training;

namespace KukaPortal.Cli;

/// <summary>The command tree; tests call <see cref="RunAsync"/> in-process with their own writers.</summary>
public static class KukaCli
{
    public static RootCommand Build() => new("KukaPortal tools: generate robot data, inspect recordings, train, score and evaluate detectors, reproduce the papers' experiments, measure import speed.")
    {
        GenerateCommand.Create(),
        InspectCommand.Create(),
        TrainCommand.Create(),
        ScoreCommand.Create(),
        EvaluateCommand.Create(),
        ExperimentCommand.Create(),
        BenchCommand.Create(),
    };

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
}
