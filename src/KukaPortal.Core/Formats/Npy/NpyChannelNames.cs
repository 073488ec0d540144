namespace KukaPortal.Core.Formats;

/// <summary>
/// Pairs string-array NPY files (<c>KukaColumnNames.npy</c>) with the numeric arrays they name: a names
/// file applies to the arrays in its folder whose stem starts with its own stem minus a suffix such as
/// <c>ColumnNames</c> or <c>_columns</c> (<c>Kuka</c> → <c>KukaNormal</c>, <c>KukaSlow</c>); the longest
/// such prefix wins, and a bare <c>columns.npy</c> names every array of its folder.
/// </summary>
internal static class NpyChannelNames
{
    private static readonly string[] Suffixes = ["_column_names", "columnnames", "_columns", "columns", "_names", "names"];

    public sealed record NamesFile(string Path, string[] Names);

    /// <summary>The names file for the array at <paramref name="arrayPath"/>, or null when there is none.</summary>
    public static NamesFile? For(string arrayPath, IReadOnlyList<NamesFile> namesFiles)
    {
        var folder = Folder(arrayPath);
        var stem = Path.GetFileNameWithoutExtension(arrayPath);
        var matches = namesFiles
            .Where(n => Folder(n.Path) == folder && stem.StartsWith(Prefix(n.Path), StringComparison.OrdinalIgnoreCase))
            .GroupBy(n => Prefix(n.Path).Length)
            .OrderByDescending(g => g.Key)
            .FirstOrDefault()?
            .ToArray();
        if (matches is null) return null;
        if (matches.Length > 1)
            throw new RecordingFormatException(RecordingErrorKind.ChannelNames,
                $"Both '{matches[0].Path}' and '{matches[1].Path}' could name this array's channels; keep one.");
        return matches[0];
    }

    public static bool Names(NamesFile names, string arrayPath) =>
        Folder(names.Path) == Folder(arrayPath) &&
        Path.GetFileNameWithoutExtension(arrayPath).StartsWith(Prefix(names.Path), StringComparison.OrdinalIgnoreCase);

    private static string Prefix(string namesPath)
    {
        var stem = Path.GetFileNameWithoutExtension(namesPath);
        var suffix = Suffixes.FirstOrDefault(s => stem.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        return suffix is null ? stem : stem[..^suffix.Length];
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
