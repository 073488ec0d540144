namespace KukaPortal.Core.Formats;

/// <summary>Which header columns are channels, which is the time and which the label.</summary>
internal sealed record CsvLayout(IReadOnlyList<(int Index, string Name)> Channels, int? TimestampIndex, int? LabelIndex)
{
    public static CsvLayout From(IReadOnlyList<string> header, CsvReadOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
                throw new RecordingFormatException($"Header column {i + 1} has no name.", 1);
            if (!seen.Add(header[i]))
                throw new RecordingFormatException("The header names this column twice.", 1, header[i]);
        }

        var timestamp = Find(header, options.TimestampColumn, CsvReadOptions.TimestampNames, "timestamp");
        var label = Find(header, options.LabelColumn, CsvReadOptions.LabelNames, "label");
        foreach (var excluded in options.ExcludeColumns)
        {
            if (!header.Contains(excluded, StringComparer.OrdinalIgnoreCase))
                throw new RecordingFormatException("The column to exclude is not in the header.", 1, excluded);
        }

        var channels = header
            .Select((name, index) => (Index: index, Name: name))
            .Where(c => c.Index != timestamp && c.Index != label && !options.ExcludeColumns.Contains(c.Name))
            .ToArray();
        if (channels.Length == 0)
            throw new RecordingFormatException("The header names no data channel.", 1);
        return new CsvLayout(channels, timestamp, label);
    }

    private static int? Find(IReadOnlyList<string> header, string? requested, string[] conventional, string role)
    {
        if (requested is not null)
        {
            var index = IndexOf(header, requested);
            return index ?? throw new RecordingFormatException($"The {role} column is not in the header.", 1, requested);
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
