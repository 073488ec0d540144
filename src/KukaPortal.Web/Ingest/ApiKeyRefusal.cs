namespace KukaPortal.Web.Ingest;

/// <summary>How a machine endpoint (samples, images) answers a request whose API key does not let it send data for the asset.</summary>
public static class ApiKeyRefusal
{
    public const string Header = "X-Api-Key";

    public static IResult Problem(KeyVerdict verdict) => verdict switch
    {
        KeyVerdict.Missing => Results.Problem($"Send the asset's API key in the {Header} header.", statusCode: 401, title: "API key missing"),
        KeyVerdict.Unknown => Results.Problem("The API key is not known to the portal.", statusCode: 401, title: "Unknown API key"),
        KeyVerdict.OtherAsset => Results.Problem("The API key belongs to another asset.", statusCode: 403, title: "Wrong asset"),
        _ => Results.Problem("The API key was revoked; ask an engineer for a new one.", statusCode: 403, title: "API key revoked"),
    };
}
