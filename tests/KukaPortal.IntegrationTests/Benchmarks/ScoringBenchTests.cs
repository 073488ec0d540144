extern alias bench;
using System.Text.Json;
using bench::KukaPortal.Benchmarks.Scoring;

namespace KukaPortal.IntegrationTests.Benchmarks;

/// <summary>
/// The scoring suites of issue 8 (./kukaportal bench pipeline|kuka|memory) at a tiny size, each on a portal of its own: they run to
/// the end through the real worker and report every row they must. Nothing here looks at a timing.
/// </summary>
public class ScoringBenchTests
{
    // One torch thread and a few training iterations: the suites' shape, not their speed, is under test.
    private static readonly string[] Small = ["--train-rows", "2000", "--train-iterations", "5", "--torch-threads", "1"];

    [Fact]
    public async Task Pipeline_reports_the_full_path_the_raw_forward_alone_and_side_by_side_their_ratios_and_every_stage()
    {
        // Batches of 8 on two lanes: the 30 windows go side by side, as a production job's on a CPU.
        var report = await new PipelineBench(TextWriter.Null).RunAsync(new BenchArgs([.. Small, "--rows", "900", "--repeat", "1", "--batch", "8", "--scoring-lanes", "2"]));

        report.Rows.Select(r => r.Measurement).ShouldBe(
        [
            "Full scoring path (score job)", "Raw forward, batch 8", "Full path ÷ raw forward",
            "Raw forward, batch 8, 2 side by side", "Full path ÷ side-by-side forward",
            "Job: machine busy", "Job: torch thread busy", "Job: store + push", "Job: storage waiting for torch",
            "Job torch thread: load the model", "Job torch thread: align, scale, slice", "Job torch thread: score batches",
            "Job torch thread: window records", "Job torch thread: live streams", "Job torch thread: waiting for room",
            "Stage: read the stored .npz", "Stage: align, scale, slice", "Stage: no-GC region entry", "Stage: batch tensors", "Stage: forward",
            "Stage: contributions", "Stage: window records", "Stage: store", "Stage: push",
        ]);
        report.Rows[0].Detail.ShouldStartWith("30 windows in ");
        report.Rows[2].Target.ShouldBe("≥ 0.7");
        report.Rows.ShouldAllBe(r => double.IsFinite(r.Value));
        report.Render(json: false).ShouldContain("| Measurement | Code | Value | Detail | Target |");
    }

    [Fact]
    public async Task Kuka_reports_each_phase_and_the_total_against_ten_seconds_as_json()
    {
        var report = await new KukaBench(TextWriter.Null).RunAsync(new BenchArgs([.. Small, "--rows", "900", "--json"]));

        report.Rows.Select(r => r.Measurement).ShouldBe(["Upload", "Queue → job started", "Score + store", "Stored → all pushed", "Total"]);
        report.Rows[2].Detail.ShouldStartWith("30 windows stored");
        report.Rows[3].Detail.ShouldStartWith("30 windows received");
        report.Rows[^1].Target.ShouldBe("≤ 10 s");
        using var json = JsonDocument.Parse(report.Render(json: true));
        json.RootElement.GetProperty("suite").GetString().ShouldBe("kuka");
        json.RootElement.GetProperty("rows").GetArrayLength().ShouldBe(5);
        // Which device scored: the portal's torch (Torch:Device Auto), the CPU on a machine without a GPU.
        report.Machine.ShouldContain("; torch on CPU (");
    }

    [Fact]
    public async Task Memory_reports_rss_around_the_jobs_and_the_import_peak()
    {
        var report = await new MemoryBench(TextWriter.Null).RunAsync(new BenchArgs(
            ["--train-iterations", "5", "--torch-threads", "1", "--score-jobs", "3", "--score-rows", "90", "--train-jobs", "1", "--import-mb", "1"]));

        report.Rows.Select(r => r.Measurement).ShouldBe(
            ["RSS before the jobs", "RSS after 3 score jobs", "RSS after 1 training jobs too", "Growth over all jobs", "Peak RSS importing a recording"]);
        report.Rows.Where(r => r.Unit == "MB").ShouldAllBe(r => r.Value > 0);
        report.Rows[1].Detail.ShouldStartWith("90 rows each");
        report.Rows[^1].Detail.ShouldContain("1,150 rows × 86 channels");
        // The series: a row after the warm-up and after each lot of jobs (here one lot of each kind), every figure read.
        var series = report.Notes[^1].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        series.Select(l => l.Split('|')[1].Trim()).ShouldBe(["warm-up", "3 score jobs", "1 training jobs"]);
        series.ShouldAllBe(l => !l.Contains("| 0.0 |"));
    }

    [Fact]
    public void An_unknown_option_is_refused_by_name()
    {
        var args = new BenchArgs(["--rowz", "5"]);
        args.Int("--rows", 1, 1, 10);

        Should.Throw<BenchUsageException>(() => args.RejectUnknown("pipeline")).Message.ShouldContain("--rowz");
    }
}
