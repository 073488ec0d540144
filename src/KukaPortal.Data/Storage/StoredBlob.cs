namespace KukaPortal.Data.Storage;

public sealed record StoredBlob(string Key, string Sha256, long SizeBytes);
