namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>A defect the simulator paints; its lower-case name is the MVTec label folder (<c>test/scratch/</c>).</summary>
public enum SurfaceDefect
{
    /// <summary>A thin, bright, straight line.</summary>
    Scratch,
    /// <summary>A small dark disc.</summary>
    Hole,
    /// <summary>A soft brownish ellipse that fades towards its edge.</summary>
    Stain,
    /// <summary>A thin, dark, jagged line.</summary>
    Crack,
}
