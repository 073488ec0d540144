namespace KukaPortal.Cli.Tests;

/// <summary>Command lines train refuses before any training starts, so these run in milliseconds.</summary>
public class TrainUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_model_family_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var normal = await TinyCsv(folder, "normal.csv", "a,b");

        var run = await Cli.RunAsync("train", "--normal", normal, "--model", "lstm-ae", "--out", folder.File("m.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("Model family 'lstm-ae' is unknown; available: conv-ae, aae, dense-ae, dense-ae-bn, dense-aae, pca, conv-ae-2d, ganomaly, skip-ganomaly, skip-ganomaly-sa, cvae-gan, adv-vae.");
    }

    [Fact]
    public async Task An_f1max_threshold_without_validation_data_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var normal = await TinyCsv(folder, "normal.csv", "a,b");

        var run = await Cli.RunAsync("train", "--normal", normal, "--threshold", "f1max", "--out", folder.File("m.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("The 'f1max' threshold needs --validation FILE");
        File.Exists(folder.File("m.kpm")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_threshold_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var normal = await TinyCsv(folder, "normal.csv", "a,b");

        var run = await Cli.RunAsync("train", "--normal", normal, "--threshold", "quantile:2", "--out", folder.File("m.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("'quantile:2' is not a threshold strategy");
    }

    [Fact]
    public async Task Normal_recordings_with_different_channels_are_a_usage_error_naming_the_difference()
    {
        using var folder = new TempFolder();
        var first = await TinyCsv(folder, "first.csv", "a,b");
        var second = await TinyCsv(folder, "second.csv", "a,c");

        var run = await Cli.RunAsync("train", "--normal", first, second, "--out", folder.File("m.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("The --normal recordings must have the same channels: second.csv differs from first.csv: it lacks b; it adds c.");
    }

    private static async Task<string> TinyCsv(TempFolder folder, string name, string channels)
    {
        var path = folder.File(name);
        await File.WriteAllTextAsync(path, $"timestamp,{channels}\n0,1,2\n0.012,3,4\n0.024,5,6\n", Ct);
        return path;
    }
}
