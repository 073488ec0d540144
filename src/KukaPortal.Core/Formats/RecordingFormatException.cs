namespace KukaPortal.Core.Formats;

/// <summary>
/// A file that cannot be a recording, with where the problem is so that the sender can fix it.
/// <see cref="Line"/> is the 1-based line of a text file (1 = the header); <see cref="Column"/> is the
/// column or channel name; <see cref="SourceName"/> is the file (or zip entry) once the batch reader knows it.
/// </summary>
public sealed class RecordingFormatException : Exception
{
    public RecordingFormatException(RecordingErrorKind kind, string problem, long? line = null, string? column = null, string? sourceName = null)
        : base(Describe(problem, line, column, sourceName))
    {
        Kind = kind;
        Problem = problem;
        Line = line;
        Column = column;
        SourceName = sourceName;
    }

    public RecordingErrorKind Kind { get; }

    /// <summary>The problem alone, without the location that <see cref="Exception.Message"/> adds in front.</summary>
    public string Problem { get; }

    public long? Line { get; }
    public string? Column { get; }

    /// <summary>The file or zip entry, e.g. <c>runs.zip/KukaNormal.npy</c>; null when reading a bare stream.</summary>
    public string? SourceName { get; }

    /// <summary>The same error, naming the file it came from (the readers of bare streams cannot know it).</summary>
    public RecordingFormatException WithSource(string sourceName) =>
        SourceName is null ? new RecordingFormatException(Kind, Problem, Line, Column, sourceName) : this;

    private static string Describe(string problem, long? line, string? column, string? source)
    {
        var where = new List<string>(3);
        if (source is not null) where.Add(source);
        if (line is not null) where.Add($"line {line}");
        if (column is not null) where.Add($"column '{column}'");
        if (where.Count == 0) return problem;
        var location = string.Join(", ", where);
        if (source is null) location = char.ToUpperInvariant(location[0]) + location[1..];
        return $"{location}: {problem}";
    }
}
