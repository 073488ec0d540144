using System.Globalization;
using System.Security.Cryptography;
using KukaPortal.Core.Formats;

namespace KukaPortal.Cli.Tests;

public class GenerateRobotTests
{
    [Theory]
    [InlineData("csv", new[] { "robot.csv" })]
    [InlineData("parquet", new[] { "robot.parquet" })]
    [InlineData("npy", new[] { "robot.npy", "robot_columns.npy" })]
    public async Task Writes_a_recording_in_each_format_that_inspect_accepts(string format, string[] recordingFiles)
    {
        using var folder = new TempFolder();

        var generated = await Cli.RunAsync("generate", "robot", "--out", folder.Path, "--rows", "1500", "--format", format);

        generated.ExitCode.ShouldBe(0, generated.ToString());
        generated.OutputLines.ShouldBe([
            .. recordingFiles.Select(folder.File),
            folder.File("robot-events.csv"),
            "1500 rows × 86 channels, 0 anomaly events, 0 anomalous rows.",
        ]);

        var inspected = await Cli.RunAsync(["inspect", .. recordingFiles.Select(folder.File)]);

        inspected.ExitCode.ShouldBe(0, inspected.ToString());
        inspected.Output.ShouldContain($"robot ({recordingFiles[0]}): accepted");
        inspected.Output.ShouldContain($"{format}, role unspecified, 1,500 rows × 86 channels");
        inspected.Output.ShouldContain("1 recording(s): 1 accepted, 0 rejected");
    }

    [Fact]
    public async Task Puts_the_requested_anomalies_in_the_events_file_and_the_labels()
    {
        using var folder = new TempFolder();

        var generated = await Cli.RunAsync("generate", "robot", "--out", folder.Path, "--rows", "3000", "--anomalies", "collision,payload");

        generated.ExitCode.ShouldBe(0, generated.ToString());
        var events = File.ReadAllLines(folder.File("robot-events.csv"));
        events[0].ShouldBe("kind,start_row,end_row,axis,description");
        var ranges = events.Skip(1).Select(line => line.Split(',')).Select(f => (Kind: f[0], Start: Row(f[1]), End: Row(f[2]))).ToArray();
        ranges.Select(r => r.Kind).Distinct().Order().ShouldBe(["collision", "payload"]);

        await using var csv = File.OpenRead(folder.File("robot.csv"));
        var labels = CsvRecordingReader.Read(csv, cancellationToken: TestContext.Current.CancellationToken).Labels.ShouldNotBeNull();
        var eventRows = ranges.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start)).ToHashSet();
        eventRows.ShouldNotBeEmpty();
        Enumerable.Range(0, labels.Length).Where(row => labels[row]).ShouldBe(eventRows.Order());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    [InlineData("npy")]
    public async Task Writes_byte_identical_files_for_the_same_seed(string format)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var otherSeed = new TempFolder();

        foreach (var (folder, seed) in new[] { (first, "7"), (second, "7"), (otherSeed, "8") })
        {
            var run = await Cli.RunAsync("generate", "robot", "--out", folder.Path, "--rows", "2500", "--seed", seed, "--format", format, "--anomalies", "collision");
            run.ExitCode.ShouldBe(0, run.ToString());
        }

        var names = first.Directory.GetFiles().Select(f => f.Name).ToArray();
        names.Length.ShouldBeGreaterThan(1);
        foreach (var name in names)
            Sha256(second.File(name)).ShouldBe(Sha256(first.File(name)), name);
        // Guards against a writer that ignores the data: another seed must change the recording.
        Sha256(otherSeed.File($"robot.{format}")).ShouldNotBe(Sha256(first.File($"robot.{format}")));
    }

    [Fact]
    public async Task Refuses_an_unknown_anomaly_naming_it_and_the_known_ones()
    {
        using var folder = new TempFolder();
        var target = folder.File("never");

        var run = await Cli.RunAsync("generate", "robot", "--out", target, "--anomalies", "collision,meteor");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("Unknown anomaly kind 'meteor'. Known kinds: slowdown, collision, payload, friction, drift, stuck, noise, missing (or 'none').");
        Directory.Exists(target).ShouldBeFalse();
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static int Row(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
