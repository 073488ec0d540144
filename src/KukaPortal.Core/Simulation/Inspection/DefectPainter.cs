using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>
/// Paints one defect onto a surface through a coverage field α ∈ [0, 1] (anti-aliased edges): each pixel
/// becomes base + α·(defect colour − base). Coverage under <see cref="MinCoverage"/> is dropped, so the mask
/// (α &gt; 0) holds every pixel the defect changed and no faint halo that nobody could see.
/// </summary>
internal static class DefectPainter
{
    private const float MinCoverage = 0.05f;

    public static (PlanarImage Image, PlanarImage Mask) Paint(PlanarImage surface, SurfaceDefect defect, Random random)
    {
        var size = surface.Width;
        var noise = new Gaussian(random);
        var coverage = defect switch
        {
            SurfaceDefect.Scratch => Scratch(size, noise),
            SurfaceDefect.Hole => Hole(size, noise),
            SurfaceDefect.Stain => Stain(size, noise),
            _ => Crack(size, noise),
        };
        Func<int, float, float> colour = defect switch
        {
            SurfaceDefect.Scratch => (_, v) => Math.Min(1f, v + 0.35f),
            SurfaceDefect.Stain => (c, _) => c switch { 0 => 0.35f, 1 => 0.24f, _ => 0.12f },
            _ => (_, v) => v * 0.15f,
        };

        var plane = size * size;
        var pixels = (float[])surface.Pixels.Clone();
        var mask = new float[plane];
        for (var i = 0; i < plane; i++)
        {
            var alpha = coverage[i];
            if (alpha < MinCoverage) continue;
            mask[i] = 1f;
            for (var c = 0; c < 3; c++)
            {
                var v = pixels[c * plane + i];
                pixels[c * plane + i] = v + alpha * (colour(c, v) - v);
            }
        }
        return (new PlanarImage(3, size, size, pixels), new PlanarImage(1, size, size, mask));
    }

    private static float[] Scratch(int size, Gaussian noise)
    {
        var (cx, cy) = (noise.NextUniform(0.25, 0.75) * size, noise.NextUniform(0.25, 0.75) * size);
        var half = noise.NextUniform(0.15, 0.28) * size;
        var (sin, cos) = Math.SinCos(noise.NextUniform(0, Math.PI));
        var width = noise.NextUniform(0.6, 1.2);
        return Lines([(cx - half * cos, cy - half * sin, cx + half * cos, cy + half * sin)], width, size);
    }

    private static float[] Crack(int size, Gaussian noise)
    {
        var (x, y) = (noise.NextUniform(0.25, 0.75) * size, noise.NextUniform(0.25, 0.75) * size);
        var heading = noise.NextUniform(0, 2 * Math.PI);
        var step = Math.Max(1.5, size / 50.0);
        var segments = new List<(double, double, double, double)>();
        for (var s = noise.Uniform.Next(12, 26); s > 0; s--)
        {
            heading += 0.35 * noise.Next();
            var (nx, ny) = (x + step * Math.Cos(heading), y + step * Math.Sin(heading));
            segments.Add((x, y, nx, ny));
            (x, y) = (nx, ny);
        }
        return Lines(segments, noise.NextUniform(0.5, 0.8), size);
    }

    private static float[] Hole(int size, Gaussian noise)
    {
        var (cx, cy) = (noise.NextUniform(0.2, 0.8) * size, noise.NextUniform(0.2, 0.8) * size);
        var radius = Math.Max(2.5, noise.NextUniform(0.04, 0.08) * size);
        return Field(size, (x, y) => Math.Clamp(radius + 0.5 - Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)), 0, 1));
    }

    /// <summary>An ellipse whose coverage falls from 0.7 at its centre to 0 at its rim.</summary>
    private static float[] Stain(int size, Gaussian noise)
    {
        var (cx, cy) = (noise.NextUniform(0.25, 0.75) * size, noise.NextUniform(0.25, 0.75) * size);
        var (rx, ry) = (noise.NextUniform(0.07, 0.14) * size, noise.NextUniform(0.07, 0.14) * size);
        var (sin, cos) = Math.SinCos(noise.NextUniform(0, Math.PI));
        return Field(size, (x, y) =>
        {
            var (dx, dy) = (x - cx, y - cy);
            var (u, v) = ((dx * cos + dy * sin) / rx, (-dx * sin + dy * cos) / ry);
            var q = u * u + v * v;
            return q >= 1 ? 0 : 0.7 * Math.Sqrt(1 - q);
        });
    }

    /// <summary>Coverage of lines of the given half-width: full inside, a one-pixel anti-aliased edge.</summary>
    private static float[] Lines(IReadOnlyList<(double X0, double Y0, double X1, double Y1)> segments, double halfWidth, int size) =>
        Field(size, (x, y) => Math.Clamp(halfWidth + 0.5 - segments.Min(s => Distance(x, y, s)), 0, 1));

    private static double Distance(double x, double y, (double X0, double Y0, double X1, double Y1) s)
    {
        var (dx, dy) = (s.X1 - s.X0, s.Y1 - s.Y0);
        var t = Math.Clamp(((x - s.X0) * dx + (y - s.Y0) * dy) / (dx * dx + dy * dy), 0, 1);
        var (px, py) = (s.X0 + t * dx - x, s.Y0 + t * dy - y);
        return Math.Sqrt(px * px + py * py);
    }

    /// <summary>The coverage of every pixel, evaluated at its centre.</summary>
    private static float[] Field(int size, Func<double, double, double> coverage)
    {
        var field = new float[size * size];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
            field[y * size + x] = (float)coverage(x + 0.5, y + 0.5);
        return field;
    }
}
