using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// The result of an accepted import: the set, what was left out and why, and the SHA-256 (lower-case hex) of
/// the uploaded archive's bytes so that the caller can store the original and prove which upload a set came
/// from (null for a folder, which has no single original).
/// </summary>
public sealed record ImageSetImport(ImageSet Set, IReadOnlyList<SkippedFile> Skipped, string? Sha256);
