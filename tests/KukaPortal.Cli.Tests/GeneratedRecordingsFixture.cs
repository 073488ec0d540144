namespace KukaPortal.Cli.Tests;

/// <summary>
/// The KUKA-like pair from <c>generate kuka --scale 0.08</c> (18,703 normal and 3,323 slow rows, 86 channels, the
/// smallest scale the simulator allows), without any model: for tests that train their own. Like the real
/// KukaSlow.npy, the slow file carries no label column and reads as all anomalous.
/// </summary>
public sealed class GeneratedRecordingsFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public string NormalNpy => folder.File("KukaNormal.npy");

    public string SlowNpy => folder.File("KukaSlow.npy");

    public string File(string name) => folder.File(name);

    public async ValueTask InitializeAsync()
    {
        var run = await Cli.RunAsync("generate", "kuka", "--scale", "0.08", "--seed", "1", "--out", folder.Path);
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.ToString());
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
