using KukaPortal.Core.Floor;
using KukaPortal.Web.Floor;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Hosting;

public static class FloorExtensions
{
    public static WebApplicationBuilder AddFloorDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FloorOptions>().BindConfiguration(FloorOptions.Section)
            .Validate(o => o.StaleAfter > TimeSpan.Zero, $"{FloorOptions.Section}:StaleAfter must be positive.")
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1), $"{FloorOptions.Section}:RefreshInterval must be at least one second.")
            .Validate(o => o.SparklinePoints is >= 2 and <= 5000, $"{FloorOptions.Section}:SparklinePoints must be between 2 and 5000.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new TileStateRule(sp.GetRequiredService<IOptions<FloorOptions>>().Value.StaleAfter));
        return builder;
    }
}
