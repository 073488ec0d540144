using KukaPortal.Core.Images;
using static KukaPortal.Core.Tests.Images.TestImages;

namespace KukaPortal.Core.Tests.Images;

/// <summary>A small MVTec AD set built in the test, as zip entries or as a folder on disk.</summary>
internal static class ImageCorpus
{
    public static readonly byte[] Good0 = GreyPng([10, 20], [30, 40]);
    public static readonly byte[] Good1 = GreyPng([12, 22], [32, 42]);
    public static readonly byte[] TestGood = GreyPng([11, 21], [31, 41]);
    public static readonly byte[] Scratch = GreyPng([10, 250], [30, 40]);
    public static readonly byte[] ScratchMask = GreyPng([0, 255], [0, 0]);

    public static (string Name, byte[] Content)[] Mvtec(string root = "") =>
    [
        (root + "train/good/000.png", Good0),
        (root + "train/good/001.png", Good1),
        (root + "test/good/000.png", TestGood),
        (root + "test/scratch/000.png", Scratch),
        (root + "ground_truth/scratch/000_mask.png", ScratchMask),
    ];

    public static ImageSetReadOptions Options(int size = 2) => new() { Size = size, Channels = 1 };

    public static ImageSetImport ReadZip(ImageSetReadOptions? options, params (string Name, byte[] Content)[] entries) =>
        ImageSetReader.ReadZip(new MemoryStream(Zip(entries)), "set.zip", options ?? Options(), TestContext.Current.CancellationToken);

    public static ImageSetException Refused(ImageSetReadOptions? options, params (string Name, byte[] Content)[] entries) =>
        Should.Throw<ImageSetException>(() => ReadZip(options, entries));

    public static void WriteFolder(string folder, params (string Name, byte[] Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }
}

/// <summary>A fresh folder under the system temp folder, removed with everything in it when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kukaportal-images-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
