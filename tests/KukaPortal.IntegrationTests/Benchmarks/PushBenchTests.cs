extern alias bench;
using System.Globalization;
using System.Text.Json;
using bench::KukaPortal.Benchmarks.Harness;
using bench::KukaPortal.Benchmarks.Push;

namespace KukaPortal.IntegrationTests.Benchmarks;

/// <summary>
/// The push suite of issue 8 (./kukaportal bench push) with score jobs beside the dashboards, at a tiny size on a portal of
/// its own: every window reaches every dashboard and the jobs store windows meanwhile. Nothing here looks at a timing.
/// </summary>
public class PushBenchTests
{
    [Fact]
    public async Task Push_with_score_jobs_alongside_delivers_every_window_and_reports_what_the_jobs_stored()
    {
        var run = PushBenchOptions.Parse(["--clients", "2", "--assets", "1", "--rate", "5", "--seconds", "4", "--warm-up", "2",
            "--score-jobs", "1", "--backlog-rows", "3000", "--torch-threads", "2"]);

        var table = await new PushLatencyBench(TextWriter.Null).RunAsync(run);

        table.ShouldContain("torch on 2 thread(s)");
        table.ShouldContain("| Score jobs beside: windows/s stored |");
        var cells = table.Split('\n').Single(l => l.StartsWith("| 2 | 1 |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToArray();
        var deliveries = cells[5].Split(" / ");
        deliveries[0].ShouldBe(deliveries[1]);
        int.Parse(deliveries[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        double.Parse(cells[15], NumberStyles.Number, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, "the score jobs stored no window while the dashboards were measured");
    }

    [Fact]
    public void Score_jobs_alone_run_beside_both_of_issue_8s_scenarios_and_a_scenario_option_makes_one()
    {
        var standard = PushBenchOptions.Parse(["--score-jobs", "2", "--torch-threads", "0"]);
        standard.Scenarios.Select(s => (s.Clients, s.Assets, s.ScoreJobs)).ShouldBe([(50, 1, 2), (200, 20, 2)]);
        standard.TorchThreads.ShouldBe(0);

        var one = PushBenchOptions.Parse(["--clients", "10", "--assets", "2"]);
        one.Scenarios.ShouldHaveSingleItem().ScoreJobs.ShouldBe(0);
        one.TorchThreads.ShouldBeNull();
        Should.Throw<ArgumentException>(() => PushBenchOptions.Parse(["--score-jobs", "-1"])).Message.ShouldContain("--score-jobs");
    }

    [Fact]
    public void The_report_as_json_holds_each_scenarios_percentiles_backlog_and_whether_it_met_the_target()
    {
        var run = PushBenchOptions.Parse(["--json", "--score-jobs", "1"]);
        var report = new PushBenchReport(DateTimeOffset.UtcNow, 2, "1.00", "2.00", "pipeline tick 250 ms", [15, 15],
        [
            new(run.Scenarios[0], 399, 19_950, 19_950, new Percentiles(19_950, 12, 33, 80, 147), 80.1, 9.2, 300, 1_400, 80, 0, 7_800, 0),
            new(run.Scenarios[1], 7_980, 79_700, 79_800, new Percentiles(79_700, 60, 162, 215, 273), 3.6, 1.1, 130, 1_200, 83, 0, 3_200, 0),
        ]);

        run.Json.ShouldBeTrue();
        using var json = JsonDocument.Parse(report.Json());
        json.RootElement.GetProperty("suite").GetString().ShouldBe("push");
        var scenarios = json.RootElement.GetProperty("scenarios");
        scenarios[0].GetProperty("latency").GetProperty("p95").GetDouble().ShouldBe(33);
        scenarios[0].GetProperty("backlogWindowsPerSecond").GetDouble().ShouldBe(7_800);
        scenarios[0].GetProperty("met").GetBoolean().ShouldBeTrue();
        scenarios[1].GetProperty("scenario").GetProperty("clients").GetInt32().ShouldBe(200);
        scenarios[1].GetProperty("met").GetBoolean().ShouldBeFalse("100 deliveries never arrived");
        scenarios[1].GetProperty("machineBusyPercent").GetDouble().ShouldBe(83);
        report.Markdown().ShouldContain("| 200 | 20 | 20 | 7,980 | 79,700 / 79,800 | 60 | 162 | 215 | 273 |");
    }
}
