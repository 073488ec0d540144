using KukaPortal.Web.Reconstruction;

namespace KukaPortal.Web.Hosting;

public static class ReconstructionExtensions
{
    /// <summary>The reconstruction view's service: a stored window's input and reconstruction, recomputed on demand.</summary>
    public static WebApplicationBuilder AddReconstruction(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WindowSamples>();
        builder.Services.AddSingleton<WindowReconstructor>();
        return builder;
    }
}
