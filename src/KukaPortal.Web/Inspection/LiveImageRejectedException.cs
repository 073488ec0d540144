namespace KukaPortal.Web.Inspection;

/// <summary>A live image the portal refused before storing anything, with the HTTP status and title its answer carries.</summary>
public sealed class LiveImageRejectedException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
}
