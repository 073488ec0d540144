using System.Text.Json;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Tests;

public class InspectTests
{
    [Fact]
    public async Task Prints_the_report_as_json_with_shape_timing_labels_and_channels()
    {
        using var folder = new TempFolder();
        var generated = await Cli.RunAsync("generate", "robot", "--out", folder.Path, "--rows", "1500", "--format", "parquet");
        generated.ExitCode.ShouldBe(0, generated.ToString());

        var run = await Cli.RunAsync("inspect", folder.File("robot.parquet"), "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var report = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        report.GetProperty("source").GetString().ShouldBe("robot.parquet");
        report.GetProperty("name").GetString().ShouldBe("robot");
        report.GetProperty("format").GetString().ShouldBe("parquet");
        report.GetProperty("accepted").GetBoolean().ShouldBeTrue();
        report.GetProperty("rows").GetInt32().ShouldBe(1500);
        report.GetProperty("channelCount").GetInt32().ShouldBe(86);
        report.GetProperty("timing").GetProperty("periodMedianSeconds").GetDouble().ShouldBe(0.012, tolerance: 1e-9);
        report.GetProperty("labels").GetProperty("normal").GetInt32().ShouldBe(1500);
        report.GetProperty("labels").GetProperty("anomalous").GetInt32().ShouldBe(0);
        report.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(RobotChannels.Names);
        report.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Rejects_a_broken_csv_naming_the_line_and_column()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.csv");
        await File.WriteAllTextAsync(path, "timestamp,a,b\n0,1,2\n0.012,3,oops\n", TestContext.Current.CancellationToken);

        var run = await Cli.RunAsync("inspect", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Output.ShouldContain("broken.csv: rejected");
        run.Output.ShouldContain("broken.csv, line 3, column 'b': 'oops' is not a number.");
        run.Output.ShouldContain("1 recording(s): 0 accepted, 1 rejected");
    }

    [Fact]
    public async Task Stops_with_a_usage_error_when_a_file_does_not_exist()
    {
        using var folder = new TempFolder();
        var absent = folder.File("absent.csv");

        var run = await Cli.RunAsync("inspect", absent);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe($"No such file: {absent}");
        run.Output.ShouldBeEmpty();
    }
}
