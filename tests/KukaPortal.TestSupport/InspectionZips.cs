using System.IO.Compression;
using KukaPortal.Core.Simulation.Inspection;

namespace KukaPortal.TestSupport;

/// <summary>Image-set uploads for the integration and browser tests, made by the portal's own inspection simulator (grey metal parts).</summary>
public static class InspectionZips
{
    public static InspectionSimulationOptions Small(int size = 32, int train = 40) => new()
    {
        Texture = SurfaceTexture.Metal, Grey = true, Size = size, Train = train, TestGood = 3, TestDefectPerKind = 2, Seed = 7,
    };

    /// <summary>train/good, test/&lt;label&gt;, ground_truth as MVTec AD lays them out.</summary>
    public static byte[] Mvtec(InspectionSimulationOptions options) => Zipped(folder => InspectionSetWriter.Write(folder, options));

    /// <summary>The simulated training images only, at the zip's root: a flat set.</summary>
    public static byte[] Flat(InspectionSimulationOptions options) => Zipped(folder =>
    {
        var mvtec = folder + "-mvtec";
        InspectionSetWriter.Write(mvtec, options);
        foreach (var file in Directory.GetFiles(Path.Combine(mvtec, "train", "good")))
            File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
        Directory.Delete(mvtec, recursive: true);
    });

    public static byte[] WithEntries(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Zipped(Action<string> write)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"inspection-zip-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            write(folder);
            using var buffer = new MemoryStream();
            ZipFile.CreateFromDirectory(folder, buffer);
            return buffer.ToArray();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
