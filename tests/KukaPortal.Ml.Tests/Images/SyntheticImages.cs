using KukaPortal.Core.Images;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>
/// Test images: a smooth texture (two crossed sinusoids with random phase and a little noise) that an autoencoder
/// can learn, and the same texture with a dark or bright disc as the defect, with its ground-truth mask.
/// </summary>
internal static class SyntheticImages
{
    public static PlanarImage[] Normal(int count, int size, int channels, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Texture(size, channels, random)).ToArray();
    }

    /// <summary>Textured images each with one disc of radius 3–5 pixels, 0.45 darker or brighter than the texture.</summary>
    public static (PlanarImage Image, PlanarImage Mask)[] Defective(int count, int size, int channels, int seed)
    {
        var random = new Random(seed);
        var result = new (PlanarImage, PlanarImage)[count];
        for (var n = 0; n < count; n++)
        {
            var image = Texture(size, channels, random);
            var mask = new float[size * size];
            var radius = random.Next(3, 6);
            int cx = random.Next(radius, size - radius), cy = random.Next(radius, size - radius);
            var shift = random.Next(2) == 0 ? -0.45f : 0.45f;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > radius * radius)
                        continue;
                    mask[y * size + x] = 1;
                    for (var c = 0; c < channels; c++)
                    {
                        ref var pixel = ref image.Pixels[(c * size + y) * size + x];
                        pixel = Math.Clamp(pixel + shift, 0f, 1f);
                    }
                }
            }
            result[n] = (image, new PlanarImage(1, size, size, mask));
        }
        return result;
    }

    private static PlanarImage Texture(int size, int channels, Random random)
    {
        var phaseX = random.NextDouble() * 2 * Math.PI;
        var phaseY = random.NextDouble() * 2 * Math.PI;
        var pixels = new float[channels * size * size];
        for (var c = 0; c < channels; c++)
        {
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var value = 0.5 + 0.1 * Math.Sin(2 * Math.PI * x / 8 + phaseX) + 0.1 * Math.Sin(2 * Math.PI * y / 8 + phaseY)
                        + 0.05 * c + 0.02 * (random.NextDouble() - 0.5);
                    pixels[(c * size + y) * size + x] = (float)value;
                }
            }
        }
        return new PlanarImage(channels, size, size, pixels);
    }
}
