using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Hosting;

public static class AlarmExtensions
{
    /// <summary>The alarm services of the web process; the stores and the options come with AddPortalData.</summary>
    public static WebApplicationBuilder AddAlarms(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ShelfExpiryService>();
        return builder;
    }
}
