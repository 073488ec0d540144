using System.Globalization;
using System.Text.Json;

namespace KukaPortal.Cli.Tests;

public sealed class TrainScoreEvaluateTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Train_prints_progress_then_a_summary_with_the_f1max_threshold()
    {
        var run = fixture.Training;

        run.ExitCode.ShouldBe(0, run.ToString());
        var progress = run.OutputLines.Where(l => l.StartsWith("iteration ", StringComparison.Ordinal)).ToList();
        progress.Count.ShouldBe(10);                      // every 6 of 60 iterations
        progress[^1].ShouldStartWith("iteration 60/60  loss ");
        run.OutputLines.ShouldContain(l => l.StartsWith("Trained on ", StringComparison.Ordinal) && l.Contains("(f1max)"));
        run.OutputLines[^1].ShouldBe($"Wrote {fixture.Model}");
        File.Exists(fixture.Model).ShouldBeTrue();
    }

    [Fact]
    public async Task Score_writes_one_row_per_window_with_the_alarm_flag_matching_the_calibrated_score()
    {
        var scores = fixture.File("scores.csv");

        var run = await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.AnomalousCsv, "--out", scores);

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = await File.ReadAllLinesAsync(scores, Ct);
        lines[0].ShouldBe("file,window,start_row,end_row,start_time,end_time,score,calibrated,above_threshold,top_channels");
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(300);                         // 6,010 rows in windows of 20, stride W
        rows.ShouldAllBe(r => r.Length == 10 && r[0] == "anomalous.csv");
        rows.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(0, 300).Select(i => i * 20));
        rows.ShouldAllBe(r => bool.Parse(r[8]) == (double.Parse(r[7], CultureInfo.InvariantCulture) >= 1));
        rows.ShouldAllBe(r => r[9].Split(';', StringSplitOptions.None).Length == 3);
        double.Parse(rows[1][4], CultureInfo.InvariantCulture).ShouldBe(0.24, tolerance: 1e-9); // 12 ms per row
        run.Output.ShouldContain("anomalous.csv: 300 windows, ");
    }

    [Fact]
    public async Task Two_score_runs_load_the_saved_model_and_write_identical_scores()
    {
        var first = fixture.File("first.csv");
        var second = fixture.File("second.csv");

        (await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.NormalCsv, "--out", first)).ExitCode.ShouldBe(0);
        (await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.NormalCsv, "--out", second)).ExitCode.ShouldBe(0);

        (await File.ReadAllTextAsync(second, Ct)).ShouldBe(await File.ReadAllTextAsync(first, Ct));
    }

    [Fact]
    public async Task Evaluate_reports_window_and_point_level_metrics_as_json()
    {
        var run = await Cli.RunAsync("evaluate", "--model", fixture.Model, "--input", fixture.AnomalousCsv, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("thresholdStrategy").GetString().ShouldBe("f1max");
        var window = root.GetProperty("windowLevel");
        window.GetProperty("samples").GetInt32().ShouldBe(300);
        window.GetProperty("averagePrecision").GetDouble().ShouldBeInRange(0, 1);
        // The threshold was chosen by f1max on this very file, so it is this file's F1max threshold.
        window.GetProperty("f1MaxThreshold").GetDouble().ShouldBe(root.GetProperty("threshold").GetDouble());
        var counts = window.GetProperty("atSavedThreshold").GetProperty("counts");
        new[] { "truePositives", "falsePositives", "trueNegatives", "falseNegatives" }.Sum(c => counts.GetProperty(c).GetInt32()).ShouldBe(300);
        var point = root.GetProperty("pointLevel");
        point.GetProperty("samples").GetInt32().ShouldBe(6000);
        point.GetProperty("averagePrecision").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("pointLevelExcludedSamples").GetInt32().ShouldBe(10);
        root.GetProperty("pointLevelMapping").GetString()!.ShouldContain("first completed window");
    }

    [Fact]
    public async Task Evaluate_prints_a_table_that_states_the_point_level_mapping()
    {
        var run = await Cli.RunAsync("evaluate", "--model", fixture.Model, "--input", fixture.AnomalousCsv);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.OutputLines.ShouldContain(l => l.StartsWith("average precision", StringComparison.Ordinal));
        run.OutputLines.ShouldContain(l => l.StartsWith("recall at saved", StringComparison.Ordinal));
        run.Output.ShouldContain("each sample takes the score of the first completed window containing it");
        run.Output.ShouldContain("Excluded: 10 samples.");
    }

    [Fact]
    public async Task A_budget_threshold_keeps_the_validation_windows_within_the_alarm_budget()
    {
        // 6,000 rows at 12 ms are 72 s: 2 alarms per hour allow none, so no normal window may reach the threshold.
        // Five iterations suffice: the budget holds for whatever scores the model gives.
        var model = fixture.File("budget.kpm");
        var trained = await Cli.RunAsync("train", "--normal", fixture.NormalCsv, "--validation", fixture.NormalCsv,
            "--window", "20", "--latent", "8", "--width", "4", "--iterations", "5", "--batch", "32",
            "--threshold", "budget:2/h", "--device", "cpu", "--out", model);

        trained.ExitCode.ShouldBe(0, trained.ToString());
        trained.OutputLines.ShouldContain(l => l.StartsWith("Trained on ", StringComparison.Ordinal) && l.Contains("(budget:2/h)"));
        var scored = await Cli.RunAsync("score", "--model", model, "--input", fixture.NormalCsv, "--out", fixture.File("budget.csv"));
        scored.ExitCode.ShouldBe(0, scored.ToString());
        scored.OutputLines.ShouldContain("normal.csv: 300 windows, 0 above the threshold.");
    }

    [Fact]
    public async Task Evaluate_rejects_an_input_without_labels()
    {
        var unlabelled = fixture.File("unlabelled.csv");
        await File.WriteAllTextAsync(unlabelled, "timestamp,a\n0,1\n0.012,2\n", Ct);

        var run = await Cli.RunAsync("evaluate", "--model", fixture.Model, "--input", unlabelled);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("unlabelled.csv has no labels");
    }
}
