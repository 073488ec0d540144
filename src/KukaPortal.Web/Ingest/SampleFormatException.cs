namespace KukaPortal.Web.Ingest;

/// <summary>A sample chunk that could not be read at all (malformed JSON or CSV); answered with 400.</summary>
public sealed class SampleFormatException(string message) : Exception(message);
