using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>One received file: the name the sender gave it (for messages only, never a path) and its stored original.</summary>
public sealed record UploadedFile(string Name, StoredBlob Blob);
