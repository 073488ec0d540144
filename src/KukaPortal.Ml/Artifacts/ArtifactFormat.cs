namespace KukaPortal.Ml.Artifacts;

/// <summary>The artifact format version this build writes and reads.</summary>
public static class ArtifactFormat
{
    /// <summary>2: any family, preprocessing state instead of min-max ranges. Version 1 (conv-ae, min-max only) is refused.</summary>
    public const int Version = 2;
}
