using System.Text.Json;

namespace KukaPortal.Cli.Tests.Bench;

/// <summary>
/// The torch suites at tiny sizes: each prints the rows its grid asks for, with positive finite numbers. Smoke tests
/// only; the numbers depend on the machine, so nothing here asserts on speed.
/// </summary>
public class BenchTorchSuitesTests
{
    [Fact]
    public async Task Forward_gives_a_row_per_model_window_and_batch_with_flops_and_share_of_the_measured_peak()
    {
        var run = await Cli.RunAsync("bench", "forward", "--models", "conv-ae,dense-ae", "--windows", "30", "--batches", "1,3",
            "--seconds", "0", "--repeat", "1", "--peak-size", "64", "--lanes", "2", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var report = json.RootElement;
        report.GetProperty("suite").GetString().ShouldBe("forward");
        report.GetProperty("gradientMode").GetString().ShouldBe("no_grad");
        Positive(report.GetProperty("peak").GetProperty("gflopsPerSecond"));
        report.GetProperty("torch").GetProperty("threads").GetInt32().ShouldBeGreaterThan(0);
        // --device auto on a TorchSharp-cpu build: the CPU, named as /proc/cpuinfo names it.
        report.GetProperty("torch").GetProperty("device").GetString().ShouldBe("cpu");
        report.GetProperty("torch").GetProperty("deviceName").GetString().ShouldNotBeNullOrWhiteSpace();
        report.GetProperty("torch").GetProperty("oneDnnIsa").GetString().ShouldNotBeNullOrEmpty();
        var rows = report.GetProperty("results").EnumerateArray().ToArray();
        rows.Select(r => (r.GetProperty("model").GetString(), r.GetProperty("window").GetInt32(), r.GetProperty("batch").GetInt32()))
            .ShouldBe([("conv-ae", 30, 1), ("conv-ae", 30, 3), ("dense-ae", 30, 1), ("dense-ae", 30, 3)]);
        foreach (var row in rows)
        {
            row.GetProperty("channels").GetInt32().ShouldBe(86);
            foreach (var number in new[] { "windowsPerSecond", "flopsPerWindow", "gflopsPerSecond", "fractionOfPeak", "windowsPerCpuSecond" })
                Positive(row.GetProperty(number));
            row.GetProperty("finite").GetBoolean().ShouldBeTrue();
            // Batches also go side by side on the two lanes; a single window never does.
            if (row.GetProperty("batch").GetInt32() == 1)
                row.TryGetProperty("sideBySideWindowsPerSecond", out _).ShouldBeFalse(); // null, left out
            else
                foreach (var number in new[] { "sideBySideWindowsPerSecond", "sideBySideFractionOfPeak" })
                    Positive(row.GetProperty(number));
        }
        report.GetProperty("lanes").GetInt32().ShouldBe(2);
        // dense-ae at W = 30: 2580→64→32→64→2580 multiply-adds, twice for FLOPs.
        rows[2].GetProperty("flopsPerWindow").GetInt64().ShouldBe(2 * (2580L * 64 + 64 * 32 + 32 * 64 + 64 * 2580));
    }

    [Fact]
    public async Task Forward_prints_a_markdown_table_with_the_peak_and_the_load()
    {
        var run = await Cli.RunAsync("bench", "forward", "--models", "pca", "--windows", "5", "--batches", "2",
            "--seconds", "0", "--repeat", "1", "--peak-size", "64");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Command: `kukaportal bench forward --models pca --windows 5 --batches 2");
        run.Output.ShouldContain("load average (1/5/15 min)");
        run.Output.ShouldContain("--threads 0 --device auto --lanes 0`");
        run.Output.ShouldContain("libtorch 2.10.0.0, CPU (");
        run.Output.ShouldContain("GFLOP/s (64×64 float32 matmul");
        run.OutputLines.ShouldContain("| Model | W | Channels | Batch | Windows/s | MFLOP/window | GFLOP/s | % of peak | Windows per CPU-s | Side by side, windows/s | Side by side, % of peak | Outputs finite |");
        run.OutputLines.Count(l => l.StartsWith("| pca | 5 | 86 | 2 | ", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Training_gives_iterations_per_second_a_projection_per_family_and_a_real_run_to_compare()
    {
        var run = await Cli.RunAsync("bench", "training", "--models", "conv-ae,dense-ae", "--rows", "1000", "--warmup", "0",
            "--iterations", "1", "--check-iterations", "2", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var rows = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        rows.Select(r => r.GetProperty("model").GetString()).ShouldBe(["conv-ae", "dense-ae"]);
        rows.Select(r => r.GetProperty("paperIterations").GetInt32()).ShouldBe([5000, 5000]);
        foreach (var row in rows)
        {
            var perSecond = Positive(row.GetProperty("iterationsPerSecond"));
            Positive(row.GetProperty("projectedSeconds")).ShouldBe(5000 / perSecond, 1e-6 * 5000 / perSecond);
            row.GetProperty("finiteLoss").GetBoolean().ShouldBeTrue();
        }
        Positive(json.RootElement.GetProperty("noGcRegionSeconds"));
        var check = json.RootElement.GetProperty("check");
        check.GetProperty("model").GetString().ShouldBe("conv-ae");
        check.GetProperty("iterations").GetInt32().ShouldBe(2);
        Positive(check.GetProperty("seconds"));
        Positive(check.GetProperty("projectedSeconds"));
        check.GetProperty("finiteThreshold").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Training_refuses_the_closed_form_pca()
    {
        var run = await Cli.RunAsync("bench", "training", "--models", "pca");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("pca is fitted in closed form");
    }

    [Fact]
    public async Task Images_gives_a_row_per_family_channel_count_and_batch()
    {
        var run = await Cli.RunAsync("bench", "images", "--models", "conv-ae-2d,ganomaly", "--size", "32", "--channels", "1,3",
            "--batches", "2", "--repeat", "1", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var rows = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        rows.Select(r => (r.GetProperty("model").GetString(), r.GetProperty("channels").GetInt32(), r.GetProperty("batch").GetInt32()))
            .ShouldBe([("conv-ae-2d", 1, 2), ("ganomaly", 1, 2), ("conv-ae-2d", 3, 2), ("ganomaly", 3, 2)]);
        foreach (var row in rows)
        {
            row.GetProperty("size").GetInt32().ShouldBe(32);
            Positive(row.GetProperty("scoredImagesPerSecond"));
            Positive(row.GetProperty("forwardImagesPerSecond"));
            row.GetProperty("finiteScores").GetBoolean().ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("forward")]
    [InlineData("training")]
    [InlineData("images")]
    public async Task A_gpu_asked_for_by_name_on_a_cpu_build_is_refused_with_the_reason(string suite)
    {
        // Test projects carry TorchSharp-cpu (TorchBackend=cpu), whose torch never sees a GPU, whatever the machine has.
        var run = await Cli.RunAsync("bench", suite, "--device", "cuda");

        run.ExitCode.ShouldBe(2, run.ToString()); // rejected: the command was well formed, the machine cannot run it
        run.Error.ShouldContain("CUDA was requested but torch sees no usable GPU");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_grid_entry_out_of_range_is_refused_with_the_entry_named()
    {
        var run = await Cli.RunAsync("bench", "forward", "--batches", "64,0");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("--batches: '0' is not a whole number between 1 and 8192.");
    }

    private static double Positive(JsonElement number)
    {
        var value = number.GetDouble();
        double.IsFinite(value).ShouldBeTrue();
        value.ShouldBeGreaterThan(0);
        return value;
    }
}
