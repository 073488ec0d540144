using System.CommandLine;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;

namespace KukaPortal.Cli.Commands;

/// <summary>
/// <c>inspect FILE...</c>: the validation report the portal would show for an upload of these files.
/// Exit code 0 when every recording would be accepted, 2 when any would be rejected.
/// </summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Recordings (CSV, TSV, NPY with a names file, Parquet, zip).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON." };
        var missing = new Option<MissingValuePolicy>("--missing") { Description = "What to do with missing values.", DefaultValueFactory = _ => MissingValuePolicy.Reject };
        var read = new ReadOptionsArguments();

        var command = new Command("inspect", "Validate recordings and print their report, as the portal would before storing them.") { files, json, missing };
        read.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var paths = result.GetValue(files)!;
            var absent = paths.FirstOrDefault(f => !f.Exists);
            if (absent is not null)
            {
                await console.Error.WriteLineAsync($"No such file: {absent.FullName}");
                return ExitCodes.Usage;
            }

            RecordingReadOptions readOptions;
            try
            {
                readOptions = read.Bind(result);
            }
            catch (FormatException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }

            var batch = await RecordingValidator.ValidateAsync(
                paths.Select(f => SourceFile.FromPath(f.FullName)).ToArray(), readOptions,
                options: new ValidationOptions { MissingValues = result.GetValue(missing) }, cancellationToken: ct);
            await console.Output.WriteLineAsync(result.GetValue(json) ? RecordingReportJson.Serialize(batch.Reports) : RecordingReportText.Render(batch));
            return batch.Accepted ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return command;
    }
}
