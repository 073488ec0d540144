using System.CommandLine;
using KukaPortal.Core.Simulation.Inspection;

namespace KukaPortal.Cli.Commands;

/// <summary>A simulated image inspection set in MVTec AD layout: defect-free training images, test images with labelled defects and their masks.</summary>
public static class GenerateImagesCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the set into (created if missing).", Required = true };
        var texture = new Option<string>("--texture")
        {
            Description = $"Surface: {string.Join(", ", Enum.GetValues<SurfaceTexture>().Select(InspectionNames.Of))}.",
            DefaultValueFactory = _ => "metal",
        };
        var size = new Option<int>("--size") { Description = "Side of the square images in pixels (16–1024).", DefaultValueFactory = _ => 128 };
        var train = new Option<int>("--train") { Description = "Defect-free training images (train/good/).", DefaultValueFactory = _ => 200 };
        var testGood = new Option<int>("--test-good") { Description = "Defect-free test images (test/good/).", DefaultValueFactory = _ => 20 };
        var testDefect = new Option<int>("--test-defect")
        {
            Description = $"Test images per defect kind ({string.Join(", ", Enum.GetValues<SurfaceDefect>().Select(InspectionNames.Of))}), each with a mask in ground_truth/.",
            DefaultValueFactory = _ => 10,
        };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives byte-identical files.", DefaultValueFactory = _ => 1 };
        var grey = new Option<bool>("--grey") { Description = "Write one grey channel (luminance) instead of RGB." };

        var command = new Command("images", "Simulate an image inspection set (textured surfaces with scratches, holes, stains and cracks) in MVTec AD layout.")
        {
            output, texture, size, train, testGood, testDefect, seed, grey,
        };
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            InspectionSimulationOptions options;
            try
            {
                options = new InspectionSimulationOptions
                {
                    Texture = InspectionNames.ParseTexture(result.GetValue(texture)!),
                    Size = result.GetValue(size),
                    Train = result.GetValue(train),
                    TestGood = result.GetValue(testGood),
                    TestDefectPerKind = result.GetValue(testDefect),
                    Seed = result.GetValue(seed),
                    Grey = result.GetValue(grey),
                };
                options.Validate();
            }
            catch (FormatException e)
            {
                throw CommandFailure.Usage(e.Message);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw CommandFailure.Usage(ReasonOf(e));
            }

            var folder = result.GetValue(output)!;
            var counts = InspectionSetWriter.Write(folder.FullName, options, ct);
            foreach (var (subfolder, files) in counts)
                await console.Output.WriteLineAsync($"{Path.Combine(folder.FullName, subfolder)}: {files} file(s)");
            var channels = options.Grey ? "grey" : "RGB";
            await console.Output.WriteLineAsync(
                $"{InspectionNames.Of(options.Texture)}, {options.Size}×{options.Size} {channels}: {options.Train} training, {options.TestGood} good test and {options.TestDefectPerKind * options.Defects.Count} defect test images.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The validation sentence without the framework's "(Parameter …)" and "Actual value" lines.</summary>
    private static string ReasonOf(ArgumentOutOfRangeException e) =>
        $"--{Option(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0].Split('\n')[0].Trim()} Got {e.ActualValue}.";

    private static string Option(string? parameter) => parameter switch
    {
        nameof(InspectionSimulationOptions.TestGood) => "test-good",
        nameof(InspectionSimulationOptions.TestDefectPerKind) => "test-defect",
        _ => parameter?.ToLowerInvariant() ?? "?",
    };
}
