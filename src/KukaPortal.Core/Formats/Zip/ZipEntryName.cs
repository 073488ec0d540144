namespace KukaPortal.Core.Formats;

/// <summary>Decides from an entry's name alone whether it is unsafe, ignorable, or a path to read.</summary>
internal static class ZipEntryName
{
    /// <summary>The name with '/' separators; throws for names that could escape the folder they are unpacked to.</summary>
    public static string Normalise(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':') || path.Contains('\0'))
            throw Refuse(name, "has an absolute path");
        if (path.Split('/').Any(segment => segment == ".."))
            throw Refuse(name, "points outside the archive (../)");
        return path;
    }

    /// <summary>Why an entry is left out without being read (folders, macOS resource forks, dotfiles), or null to read it.</summary>
    public static string? IgnoreReason(string path)
    {
        if (path.Length == 0 || path.EndsWith('/')) return "a folder";
        var segments = path.Split('/');
        if (segments[0] == "__MACOSX") return "macOS metadata";
        if (segments.Any(s => s.StartsWith('.'))) return "a hidden file";
        return null;
    }

    public static RecordingFormatException Refuse(string name, string why) =>
        new(RecordingErrorKind.UnsafeArchive, $"Entry '{name}' {why}; the archive is refused.");
}
