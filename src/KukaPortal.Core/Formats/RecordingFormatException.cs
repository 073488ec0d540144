namespace KukaPortal.Core.Formats;

/// <summary>A file that cannot be a recording, with where the problem is so the sender can fix it.</summary>
public sealed class RecordingFormatException(string message, long? line = null, string? column = null)
    : Exception(Describe(message, line, column))
{
    public string Problem { get; } = message;
    public long? Line { get; } = line;
    public string? Column { get; } = column;

    private static string Describe(string message, long? line, string? column) =>
        (line, column) switch
        {
            (not null, not null) => $"Line {line}, column '{column}': {message}",
            (not null, null) => $"Line {line}: {message}",
            (null, not null) => $"Column '{column}': {message}",
            _ => message,
        };
}
