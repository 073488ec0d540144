using System.CommandLine;
using KukaPortal.Core.Formats;

namespace KukaPortal.Cli.Commands;

/// <summary>Reads the recordings a verb was given, turning a missing file or bad column option into a usage error and an unreadable file into a rejection.</summary>
internal static class RecordingInputs
{
    public static async Task<IReadOnlyList<ParsedRecording>> ReadAsync(FileInfo[] files, ReadOptionsArguments read, ParseResult result, CancellationToken ct)
    {
        var absent = files.FirstOrDefault(f => !f.Exists);
        if (absent is not null)
            throw CommandFailure.Usage($"No such file: {absent.FullName}");

        RecordingReadOptions options;
        try
        {
            options = read.Bind(result);
        }
        catch (FormatException e)
        {
            throw CommandFailure.Usage(e.Message);
        }

        try
        {
            return await RecordingFileReader.ReadAsync(files.Select(f => SourceFile.FromPath(f.FullName)).ToArray(), options, cancellationToken: ct);
        }
        catch (RecordingFormatException e)
        {
            throw CommandFailure.Rejected(e.Message);
        }
    }
}
