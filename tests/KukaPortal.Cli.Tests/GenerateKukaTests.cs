using System.Text.Json;

namespace KukaPortal.Cli.Tests;

public class GenerateKukaTests
{
    [Fact]
    public async Task Writes_the_kuka_layout_that_inspect_reads_as_a_normal_and_an_all_anomalous_recording()
    {
        using var folder = new TempFolder();

        // 0.08 is about the smallest scale whose KukaSlow (3,323 rows) holds a slowed-down cycle after the warm-up cycles.
        var generated = await Cli.RunAsync("generate", "kuka", "--out", folder.Path, "--scale", "0.08");

        generated.ExitCode.ShouldBe(0, generated.ToString());
        string[] files = ["KukaNormal.npy", "KukaSlow.npy", "KukaColumnNames.npy"];
        generated.OutputLines.Take(3).ShouldBe(files.Select(folder.File));

        var run = await Cli.RunAsync(["inspect", .. files.Select(folder.File), "--json"]);

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var reports = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        reports.Keys.Order().ShouldBe(["KukaNormal", "KukaSlow"]);

        var normal = reports["KukaNormal"];
        normal.GetProperty("role").GetString().ShouldBe("normal");
        normal.GetProperty("rows").GetInt32().ShouldBe(18703);
        normal.GetProperty("channelCount").GetInt32().ShouldBe(86);
        normal.GetProperty("labels").GetProperty("anomalous").GetInt32().ShouldBe(0);

        var slow = reports["KukaSlow"];
        slow.GetProperty("role").GetString().ShouldBe("abnormal");
        slow.GetProperty("rows").GetInt32().ShouldBe(3323);
        slow.GetProperty("labels").GetProperty("normal").GetInt32().ShouldBe(0);
        slow.GetProperty("labels").GetProperty("anomalous").GetInt32().ShouldBe(3323);
    }
}
