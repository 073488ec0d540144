namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>The surface an inspection station looks at.</summary>
public enum SurfaceTexture
{
    /// <summary>Brushed metal: grey with fine streaks along the rows.</summary>
    Metal,
    /// <summary>Wood-like grain: wavy light and dark bands.</summary>
    Wood,
    /// <summary>Fabric-like weave: a regular over-and-under pattern of threads.</summary>
    Fabric,
}
