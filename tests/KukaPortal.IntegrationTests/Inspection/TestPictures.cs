using KukaPortal.Core.Images;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>
/// Pictures for the live image tests, 32 × 32 grey: a soft diagonal shading with a little noise (what a tiny
/// autoencoder learns in a few seconds), and the same with a bright 12-pixel square (a defect it cannot reconstruct).
/// </summary>
internal static class TestPictures
{
    public const int Size = 32;

    public static PlanarImage Clean(Random random)
    {
        var offset = 0.3 + 0.1 * random.NextDouble();
        var pixels = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
            pixels[y * Size + x] = (float)(offset + 0.2 * (x + y) / (2.0 * Size) + 0.02 * (random.NextDouble() - 0.5));
        return new PlanarImage(1, Size, Size, pixels);
    }

    public static PlanarImage Defective(Random random)
    {
        var image = Clean(random);
        const int side = 12;
        int left = random.Next(0, Size - side), top = random.Next(0, Size - side);
        for (var y = top; y < top + side; y++)
        for (var x = left; x < left + side; x++)
            image.Pixels[y * Size + x] = 1f;
        return image;
    }

    public static PlanarImage[] Many(int count, int seed, Func<Random, PlanarImage> make)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => make(random)).ToArray();
    }
}
