using System.Globalization;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// Lists a folder for <see cref="ImageSetReader"/> with the same rules as an uploaded zip: entry count and
/// total size within the limits, symbolic links and nested archives refused (a link could point anywhere on
/// the server), hidden files left out. Paths are relative with '/' separators.
/// </summary>
internal static class ImageFolderFiles
{
    public static (List<SourceFile> Files, List<SkippedFile> Skipped) List(string folder, ImageSetReadOptions options)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists) throw new ImageSetException($"The folder '{folder}' does not exist.");
        var files = new List<SourceFile>();
        var skipped = new List<SkippedFile>();
        var (entries, total) = (0, 0L);
        var pending = new Stack<DirectoryInfo>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var item in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var path = Path.GetRelativePath(root.FullName, item.FullName).Replace('\\', '/');
                if (++entries > options.MaxEntries)
                    throw new ImageSetException(Invariant($"The folder holds more than {options.MaxEntries:N0} files and folders, the limit."));
                if (item.LinkTarget is not null)
                    throw new ImageSetException($"'{path}' is a symbolic link; links are refused because they can point outside the set.");
                if (ZipEntryName.IgnoreReason(path) is { } reason and not "a folder")
                {
                    skipped.Add(new(path, $"It is {reason}."));
                    continue;
                }
                if (item is DirectoryInfo child)
                {
                    pending.Push(child);
                    continue;
                }
                if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    throw new ImageSetException($"'{path}' is a zip archive; nested archives are not imported.");
                var file = (FileInfo)item;
                total += file.Length;
                if (total > options.MaxTotalBytes)
                    throw new ImageSetException(Invariant($"The folder's files hold more than {options.MaxTotalBytes:N0} bytes, the limit."));
                files.Add(new SourceFile(path, file.OpenRead, file.Length));
            }
        }
        return (files, skipped);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
