namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>The names the CLI and the MVTec folders use for textures and defects: lower-case enum names.</summary>
public static class InspectionNames
{
    public static string Of(SurfaceTexture texture) => texture.ToString().ToLowerInvariant();

    public static string Of(SurfaceDefect defect) => defect.ToString().ToLowerInvariant();

    /// <summary>Parses a texture name; the error names the known ones.</summary>
    public static SurfaceTexture ParseTexture(string name)
    {
        foreach (var texture in Enum.GetValues<SurfaceTexture>())
            if (Of(texture) == name.Trim().ToLowerInvariant()) return texture;
        throw new FormatException($"Unknown texture '{name}'. Known textures: {string.Join(", ", Enum.GetValues<SurfaceTexture>().Select(Of))}.");
    }
}
