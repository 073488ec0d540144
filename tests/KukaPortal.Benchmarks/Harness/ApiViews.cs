namespace KukaPortal.Benchmarks.Harness;

/// <summary>The parts of the portal's JSON answers the harness reads.</summary>
public sealed record UploadView(IReadOnlyList<RecordingView> Recordings);

public sealed record RecordingView(int Id);

public sealed record JobView(Guid Id, string State, string? Error);

public sealed record KeyView(int Id, string Key);
