using KukaPortal.Web.Demo;

namespace KukaPortal.Web.Hosting;

public static class DemoExtensions
{
    /// <summary>The self-running demo (Demo:Enabled): a simulated robot cell that trains and replays anomalies on a first run.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<InspectionDemoSeeder>();

        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        // Seeding needs the job worker and stream host of some node; a web-only node leaves it to them.
        if (demo.Enabled && portal.RunWorker)
        {
            builder.Services.AddHostedService<DemoService>();
            builder.Services.AddHostedService<InspectionDemoFeed>();
        }
        return builder;
    }
}
