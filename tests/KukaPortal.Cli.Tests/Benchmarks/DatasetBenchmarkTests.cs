using System.Text.Json;
using KukaPortal.Cli.Commands.Experiments.Benchmarks;
using Shouldly;

namespace KukaPortal.Cli.Tests.Benchmarks;

public sealed class DatasetBenchmarkTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void Tennessee_eastman_reads_the_transposed_normal_file_and_labels_faults_from_row_160()
    {
        BenchmarkFiles.WriteTennesseeEastman(temp.Path, trainingRows: 200, testRows: 300);

        var data = TennesseeEastmanData.Load(temp.Directory);

        data.Training.Rows.ShouldBe(200);
        data.Training.ChannelCount.ShouldBe(52);
        data.Training.Channels[0].ShouldBe("xmeas_1");
        data.Training.Channels[^1].ShouldBe("xmv_11");
        data.ThresholdNormal!.Rows.ShouldBe(300);
        data.Cases.Select(c => c.Name).ShouldBe(["IDV(1)", "IDV(2)"]);
        data.Cases[0].Labels.Count(l => l).ShouldBe(300 - 160);
        data.Cases[0].Labels[159].ShouldBeFalse();
        data.Cases[0].Labels[160].ShouldBeTrue();
        // Row 170 of fault 1 carries the shift in channel 0, not in channel 20.
        (data.Cases[0].Series[170, 0] - data.Cases[1].Series[170, 0]).ShouldBeGreaterThan(4);
    }

    [Fact]
    public void A_tennessee_eastman_file_with_a_word_in_it_is_rejected_with_its_line()
    {
        BenchmarkFiles.WriteTennesseeEastman(temp.Path, trainingRows: 200, testRows: 300);
        var lines = File.ReadAllLines(temp.File("d01_te.dat"));
        lines[4] = lines[4].Replace("E", "x", StringComparison.Ordinal);
        File.WriteAllLines(temp.File("d01_te.dat"), lines);

        var error = Should.Throw<Exception>(() => TennesseeEastmanData.Load(temp.Directory));

        error.Message.ShouldStartWith("d01_te.dat, line 5: '");
        error.Message.ShouldEndWith("' is not a number.");
    }

    [Fact]
    public async Task Cnc_milling_trains_on_the_named_unworn_runs_and_labels_every_other_run_by_its_tool()
    {
        BenchmarkFiles.WriteCncMilling(temp.Path);

        var data = await CncMillingData.LoadAsync(temp.Directory, [1, 2], TestContext.Current.CancellationToken);

        data.Training.Rows.ShouldBe(600);
        data.Training.Channels.ShouldBe(["X1_ActualPosition", "X1_CurrentFeedback", "S1_OutputPower"]);
        data.Cases.Select(c => c.Name).ShouldBe(["run 03 (unworn)", "run 04 (worn)"]);
        data.Cases[0].Labels.ShouldAllBe(l => !l);
        data.Cases[1].Labels.ShouldAllBe(l => l);
    }

    [Fact]
    public async Task Training_on_a_worn_run_is_refused()
    {
        BenchmarkFiles.WriteCncMilling(temp.Path);

        var run = await Cli.RunAsync("experiment", "cnc", "--data", temp.Path, "--out", temp.File("out"), "--train-runs", "1,4", "--models", "conv-ae");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("Run 4 is a worn-tool run; train only on unworn runs.");
    }

    [Fact]
    public async Task Experiment_tep_detects_the_shifted_fault_and_not_the_unchanged_one()
    {
        BenchmarkFiles.WriteTennesseeEastman(temp.Path);
        var outFolder = temp.File("report");

        var run = await Cli.RunAsync("experiment", "tep", "--data", temp.Path, "--out", outFolder, "--models", "conv-ae",
            "--window", "10", "--iterations", "80", "--width", "2", "--device", "cpu");

        run.ExitCode.ShouldBe(0, run.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(outFolder, "tennessee-eastman.md"), TestContext.Current.CancellationToken);
        markdown.ShouldContain("| conv-ae | 10 | 80 |");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, "tennessee-eastman.json"), TestContext.Current.CancellationToken));
        var cases = json.RootElement.GetProperty("results")[0].GetProperty("cases");
        cases[0].GetProperty("case").GetString().ShouldBe("IDV(1)");
        cases[0].GetProperty("detectionRate").GetDouble().ShouldBeGreaterThan(0.9);
        cases[0].GetProperty("anomalousSamples").GetInt32().ShouldBe(320 - 160);
        cases[0].GetProperty("normalSamples").GetInt32().ShouldBe(160);
        cases[1].GetProperty("detectionRate").GetDouble().ShouldBeLessThan(0.2);
    }

    public void Dispose() => temp.Dispose();
}
