namespace KukaPortal.Core.Images;

/// <summary>Whether an image is for training (defect-free only) or for testing the trained detector.</summary>
public enum ImageRole
{
    Train,
    Test,
}
