using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace KukaPortal.Data.Storage;

/// <summary>
/// Keeps original uploads and model artifacts as files under one root. Keys are generated here, never
/// taken from user file names, and a blob appears under its key only once it is complete (write to a
/// temporary file, then rename), so a crash never leaves half a file where a reader could find it. A full disk
/// surfaces as <see cref="StorageFullException"/>, after the temporary file is gone.
/// </summary>
/// <param name="createFile">
/// Opens a new file for writing: the one place the store meets the file system's capacity. Tests pass a stream that
/// fails as a full disk fails; the portal leaves it out.
/// </param>
public sealed class BlobStore(IOptions<StorageOptions> options, Func<string, Stream>? createFile = null)
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);
    private readonly Func<string, Stream> _createFile = createFile ?? CreateFile;

    /// <summary>Copies <paramref name="content"/> into a new blob under <paramref name="folder"/>, hashing it on the way.</summary>
    public async Task<StoredBlob> SaveAsync(Stream content, string folder, string extension, CancellationToken ct)
    {
        var key = $"{folder}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        try
        {
            string sha;
            long size = 0;
            await using (var file = _createFile(temporary))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }
                await file.FlushAsync(ct);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            File.Move(temporary, path);
            return new StoredBlob(key, sha, size);
        }
        catch (IOException e) when (StorageFullException.IsDiskFull(e))
        {
            File.Delete(temporary);
            throw new StorageFullException(e);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes a new blob with <paramref name="write"/>; it appears under its key only when complete.</summary>
    public StoredBlob Write(string folder, string extension, Action<Stream> write)
    {
        var key = $"{folder}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        try
        {
            using (var file = _createFile(temporary))
                write(file);
            File.Move(temporary, path);
            return new StoredBlob(key, Sha256Of(path), new FileInfo(path).Length);
        }
        catch (IOException e) when (StorageFullException.IsDiskFull(e))
        {
            File.Delete(temporary);
            throw new StorageFullException(e);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Stores a file produced elsewhere (e.g. a model artifact written by the trainer) by moving it in.</summary>
    public StoredBlob Adopt(string sourcePath, string folder, string extension)
    {
        var key = $"{folder}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var sha = Sha256Of(sourcePath);
        var size = new FileInfo(sourcePath).Length;
        File.Move(sourcePath, path);
        return new StoredBlob(key, sha, size);
    }

    private static Stream CreateFile(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    public string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' points outside the store.", nameof(key));
        return path;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
    }
}
