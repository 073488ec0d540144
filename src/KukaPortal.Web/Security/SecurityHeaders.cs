namespace KukaPortal.Web.Security;

/// <summary>
/// Headers every response carries, so a page of the portal cannot be framed by another site, a script or style
/// can only come from the portal itself, and a browser never guesses a content type (an uploaded file served back
/// is never run as a script).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal (it has no inline script; Blazor Server needs no eval). Styles also inline:
    /// MudBlazor and ApexCharts set style attributes and &lt;style&gt; elements at run time. Images also as data:
    /// and blob: URLs (charts' exports, MudBlazor icons). 'self' in connect-src covers the same-origin WebSockets of
    /// Blazor's circuit and the monitoring hub.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }
}
