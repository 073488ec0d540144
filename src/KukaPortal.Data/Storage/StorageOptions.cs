namespace KukaPortal.Data.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Folder for original uploads and model artifacts; shared between nodes in a multi-node setup.
    /// A relative path is taken from the working directory (./run.sh sets an absolute one under .data/).
    /// </summary>
    public string Root { get; set; } = ".data/blobs";
}
