using System.Globalization;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>One line per training progress report, the same in <c>train</c> and the experiments.</summary>
internal static class ProgressLine
{
    public static string Of(TrainingProgress p)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"iteration {p.Iteration}/{p.Iterations}  loss {p.Loss:G6}");
        if (p.ValidationLoss is { } v)
            line += string.Create(CultureInfo.InvariantCulture, $"  validation {v:G6}");
        // Both accuracies near 1: D wins; near 0.5: a balanced game (paper 000 added R1 when D collapsed).
        if (p.Discriminator is { } d)
            line += string.Create(CultureInfo.InvariantCulture, $"  D loss {d.Loss:G4} acc real {d.AccuracyReal:P0} fake {d.AccuracyFake:P0}");
        return line;
    }
}
