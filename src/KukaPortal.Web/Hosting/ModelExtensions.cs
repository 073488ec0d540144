using KukaPortal.Web.Jobs;
using KukaPortal.Web.Models;

namespace KukaPortal.Web.Hosting;

public static class ModelExtensions
{
    /// <summary>Model lifecycle (promote, roll back) and what-if replays; ModelPromotion and ModelsReader come with AddPortalData.</summary>
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WhatIfOptions>().BindConfiguration(WhatIfOptions.Section);
        builder.Services.AddSingleton<ModelLifecycle>();
        builder.Services.AddSingleton<WhatIfScheduler>();
        builder.Services.AddSingleton<IJobHandler, WhatIfJobHandler>();
        return builder;
    }
}
