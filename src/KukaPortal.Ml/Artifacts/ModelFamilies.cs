namespace KukaPortal.Ml.Artifacts;

/// <summary>Model families and artifact format versions this build can read.</summary>
public static class ModelFamilies
{
    public const int FormatVersion = 1;
    public const string ConvAutoencoder = "conv-ae";

    public static readonly IReadOnlyList<string> Known = [ConvAutoencoder];
}
