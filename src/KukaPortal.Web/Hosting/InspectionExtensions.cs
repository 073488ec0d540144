using KukaPortal.Web.Inspection;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Recordings;

namespace KukaPortal.Web.Hosting;

/// <summary>Inspection stations: image sets, their scored images and what the inspection view shows of them.</summary>
public static class InspectionExtensions
{
    public static WebApplicationBuilder AddInspection(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImageSetLoader>();
        builder.Services.AddSingleton<ImageSetImporter>();
        builder.Services.AddSingleton<IJobHandler, ImageTrainJobHandler>();
        builder.Services.AddSingleton<IJobHandler, ImageScoreJobHandler>();
        builder.Services.AddSingleton<InspectionImageSource>();
        builder.Services.AddSingleton<InspectionImageReader>();
        builder.Services.AddSingleton<InspectionPictureRenderer>();
        builder.Services.AddOptions<LiveImageOptions>().BindConfiguration(LiveImageOptions.Section);
        builder.Services.AddSingleton<LiveImageRuns>();
        builder.Services.AddSingleton<LiveImageScorer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInspectionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLiveImageEndpoints();
        app.MapInspectionPictureEndpoints();
        return app;
    }
}
