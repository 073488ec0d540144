namespace KukaPortal.Data.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for original uploads and model artifacts; shared between nodes in a multi-node setup.</summary>
    public string Root { get; set; } = "data/blobs";
}
