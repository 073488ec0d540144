using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>
/// Paints a defect-free surface (RGB, values in [0, 1]). Each image varies a little (phase, brightness,
/// noise) the way parts under a fixed camera do, so that a detector must learn the texture, not one picture.
/// </summary>
internal static class SurfaceRenderer
{
    public static PlanarImage Render(SurfaceTexture texture, int size, Random random)
    {
        var noise = new Gaussian(random);
        var pixels = new float[3 * size * size];
        Action<int, int, Span<float>> paint = texture switch
        {
            SurfaceTexture.Metal => Metal(size, noise),
            SurfaceTexture.Wood => Wood(size, noise),
            _ => Fabric(size, noise),
        };
        Span<float> rgb = stackalloc float[3];
        var plane = size * size;
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            paint(x, y, rgb);
            for (var c = 0; c < 3; c++) pixels[c * plane + y * size + x] = Math.Clamp(rgb[c], 0f, 1f);
        }
        return new PlanarImage(3, size, size, pixels);
    }

    /// <summary>Streaks run along the rows: each row has its own offset (smoothed so streaks are a few pixels wide).</summary>
    private static Action<int, int, Span<float>> Metal(int size, Gaussian noise)
    {
        var level = 0.58 + noise.NextUniform(-0.03, 0.03);
        var raw = Enumerable.Range(0, size + 2).Select(_ => noise.Next()).ToArray();
        var rows = Enumerable.Range(0, size).Select(y => 0.025 * (raw[y] + 2 * raw[y + 1] + raw[y + 2]) / 4).ToArray();
        var phase = noise.NextUniform(0, 2 * Math.PI);
        return (x, y, rgb) =>
        {
            var v = (float)(level + rows[y] + 0.02 * Math.Sin(2 * Math.PI * x / (0.7 * size) + phase) + 0.01 * noise.Next());
            (rgb[0], rgb[1], rgb[2]) = (v, v * 1.01f, v * 1.04f);
        };
    }

    /// <summary>Growth rings as bands across the rows, bent by two slow waves; the dark lines are sharpened by a cube.</summary>
    private static Action<int, int, Span<float>> Wood(int size, Gaussian noise)
    {
        var period = size / noise.NextUniform(6, 9);
        var amplitude = size * noise.NextUniform(0.02, 0.04);
        var (phase1, phase2, shift) = (noise.NextUniform(0, 2 * Math.PI), noise.NextUniform(0, 2 * Math.PI), noise.NextUniform(0, period));
        float[] light = [0.78f, 0.58f, 0.36f], dark = [0.52f, 0.33f, 0.18f];
        return (x, y, rgb) =>
        {
            var bend = amplitude * Math.Sin(2 * Math.PI * x / (0.8 * size) + phase1) + 0.5 * amplitude * Math.Sin(2 * Math.PI * x / (0.3 * size) + phase2);
            var ring = (float)Math.Pow(0.5 + 0.5 * Math.Sin(2 * Math.PI * (y + bend + shift) / period), 3);
            var grain = (float)(0.015 * noise.Next());
            for (var c = 0; c < 3; c++) rgb[c] = light[c] + 0.8f * ring * (dark[c] - light[c]) + grain;
        };
    }

    /// <summary>Threads every few pixels in both directions; in alternate cells the warp or the weft lies on top.</summary>
    private static Action<int, int, Span<float>> Fabric(int size, Gaussian noise)
    {
        var pitch = Math.Clamp(size / 20, 4, 8);
        float[][] palette = [[0.30f, 0.38f, 0.55f], [0.55f, 0.52f, 0.45f], [0.40f, 0.42f, 0.44f]];
        var colour = palette[noise.Uniform.Next(palette.Length)];
        var (offsetX, offsetY) = (noise.Uniform.Next(pitch), noise.Uniform.Next(pitch));
        var shade = (float)noise.NextUniform(-0.03, 0.03);
        return (x, y, rgb) =>
        {
            var (u, v) = (x + offsetX, y + offsetY);
            var warpOnTop = (u / pitch + v / pitch) % 2 == 0;
            var along = warpOnTop ? (double)(u % pitch) / pitch : (double)(v % pitch) / pitch;
            var thread = (float)(0.1 + 0.9 * Math.Sin(Math.PI * (along + 0.5 / pitch)));
            var grain = (float)(0.02 * noise.Next());
            for (var c = 0; c < 3; c++) rgb[c] = colour[c] * (0.6f + 0.5f * thread) + shade + grain;
        };
    }
}
