namespace KukaPortal.Cli.Tests.Images;

/// <summary>
/// A simulated inspection set and one small conv-ae-2d trained on it through the real <c>generate images</c> and
/// <c>train</c> verbs, shared by the image score and evaluate tests (training is the slow part). 32×32 grey images,
/// base width 8 and 150 iterations (about a minute on the loaded two-core machine): enough for the simulator's defects to stand out, small enough for two cores.
/// </summary>
public sealed class TrainedImageModelFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public string Set => folder.File("metal");

    public string Model => folder.File("images.kpm");

    internal CliRun Training { get; private set; } = null!;

    public string File(string name) => folder.File(name);

    public async ValueTask InitializeAsync()
    {
        var generate = await Cli.RunAsync("generate", "images", "--out", Set, "--size", "32", "--train", "40", "--test-good", "8",
            "--test-defect", "4", "--grey", "--seed", "5");
        if (generate.ExitCode != 0)
            throw new InvalidOperationException(generate.ToString());
        Training = await Cli.RunAsync("train", "--model", "conv-ae-2d", "--normal", Set, "--size", "32", "--channels", "1",
            "--width", "8", "--iterations", "150", "--batch", "8", "--seed", "3", "--device", "cpu", "--out", Model);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
