namespace KukaPortal.Core.Formats;

/// <summary>
/// Which named columns are channels, which is the time and which the label. Shared by every format
/// that has column names, so that the same options mean the same thing for CSV, Parquet and NPY.
/// </summary>
internal sealed record ColumnLayout(IReadOnlyList<(int Index, string Name)> Channels, int? TimestampIndex, int? LabelIndex)
{
    /// <param name="header">The column names in file order.</param>
    /// <param name="headerLine">The header's line in a text file, so that errors can point at it.</param>
    /// <param name="conventionalNames">Whether columns called e.g. <c>time</c> or <c>label</c> are taken without being named in the options.</param>
    public static ColumnLayout From(IReadOnlyList<string> header, RecordingReadOptions options, long? headerLine = null, bool conventionalNames = true)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // pandas' to_csv writes its row index as an unnamed first column: a row number, not a signal.
        var rowIndexColumn = header.Count > 1 && string.IsNullOrWhiteSpace(header[0]) ? 0 : (int?)null;
        for (var i = rowIndexColumn is null ? 0 : 1; i < header.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
                throw new RecordingFormatException(RecordingErrorKind.BadHeader, $"Header column {i + 1} has no name.", headerLine);
            if (!seen.Add(header[i]))
                throw new RecordingFormatException(RecordingErrorKind.BadHeader, "The header names this column twice.", headerLine, header[i]);
        }

        var timestamp = Find(header, options.TimestampColumn, conventionalNames ? RecordingReadOptions.TimestampNames : [], "timestamp", headerLine);
        var label = Find(header, options.LabelColumn, conventionalNames ? RecordingReadOptions.LabelNames : [], "label", headerLine);
        foreach (var excluded in options.ExcludeColumns)
        {
            if (IndexOf(header, excluded) is null)
                throw new RecordingFormatException(RecordingErrorKind.ColumnNotFound, "The column to exclude is not in the header.", headerLine, excluded);
        }

        var channels = header
            .Select((name, index) => (Index: index, Name: name))
            .Where(c => c.Index != rowIndexColumn && c.Index != timestamp && c.Index != label && !options.ExcludeColumns.Contains(c.Name))
            .ToArray();
        if (channels.Length == 0)
            throw new RecordingFormatException(RecordingErrorKind.NoChannels, "The header names no data channel.", headerLine);
        return new ColumnLayout(channels, timestamp, label);
    }

    private static int? Find(IReadOnlyList<string> header, string? requested, string[] conventional, string role, long? headerLine)
    {
        if (requested is not null)
        {
            return IndexOf(header, requested)
                ?? throw new RecordingFormatException(RecordingErrorKind.ColumnNotFound, $"The {role} column is not in the header.", headerLine, requested);
        }
        return conventional.Select(name => IndexOf(header, name)).FirstOrDefault(i => i is not null);
    }

    private static int? IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}
