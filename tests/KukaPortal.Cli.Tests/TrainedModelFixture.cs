namespace KukaPortal.Cli.Tests;

/// <summary>
/// Generated recordings and one tiny model trained on them through the real <c>train</c> verb, shared by
/// the score and evaluate tests: training is the slow part (tens of seconds on two cores), so it runs once.
/// The threshold is f1max on the anomalous file, which exercises the calibration path end to end.
/// 60 iterations: the tests check plumbing and consistency, not detection quality, and each step of this
/// 86-channel model took ~0.2 s on the shared two-core test machine.
/// </summary>
public sealed class TrainedModelFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public string NormalCsv => folder.File("normal.csv");

    /// <summary>6,010 rows: with W = 20 the last 10 rows fall in no window, so point-level metrics exclude them.</summary>
    public string AnomalousCsv => folder.File("anomalous.csv");

    public string Model => folder.File("model.kpm");

    internal CliRun Training { get; private set; } = null!;

    public string File(string name) => folder.File(name);

    public async ValueTask InitializeAsync()
    {
        await Generate("--rows", "6000", "--seed", "1", "--name", "normal");
        await Generate("--rows", "6010", "--seed", "2", "--name", "anomalous", "--anomalies", "collision,payload");
        Training = await Cli.RunAsync("train", "--normal", NormalCsv, "--validation", AnomalousCsv, "--model", "conv-ae",
            "--window", "20", "--latent", "8", "--width", "4", "--iterations", "60", "--batch", "32",
            "--threshold", "f1max", "--seed", "3", "--device", "cpu", "--out", Model);
    }

    private async Task Generate(params string[] options)
    {
        var run = await Cli.RunAsync(["generate", "robot", "--out", folder.Path, "--format", "csv", .. options]);
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.ToString());
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
