using KukaPortal.Web.Auth;
using KukaPortal.Web.Components;
using KukaPortal.Web.Health;
using KukaPortal.Web.History;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Models;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Reconstruction;
using KukaPortal.Web.Security;
using KukaPortal.Web.Settings;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using MudBlazor.Services;

namespace KukaPortal.Web.Hosting;

public static class UiExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        // Running from a build folder (dotnet run, tests) the packages' assets (MudBlazor, blazor.web.js)
        // stay in the NuGet cache; their manifest is read in every environment, not only Development.
        // A published folder has them copied and no such manifest, so this is a no-op there.
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<DatabaseStatus>();
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        builder.Services.AddOptions<DatabaseWatchOptions>().BindConfiguration(DatabaseWatchOptions.Section);
        builder.Services.AddHostedService<DatabaseWatch>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<TorchHealthCheck>("torch");
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Everything a browser or a script can reach; a worker-only node serves /health alone.</summary>
    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        if (!PortalOptions.From(app.Configuration).ServeWeb)
        {
            // Anonymous, so the sign-in fallback policy does not send callers to a login page this node lacks.
            app.MapFallback(() => Results.Problem("This node runs jobs and live scoring only (Portal:Role=Worker); use a web node.", statusCode: 404))
                .AllowAnonymous();
            return app;
        }
        app.MapStaticAssets().AllowAnonymous();
        app.MapHub<MonitoringHub>(MonitoringHub.Path);
        app.MapAccountEndpoints();
        app.MapRecordingEndpoints();
        app.MapJobEndpoints();
        app.MapModelEndpoints();
        app.MapReconstructionEndpoints();
        app.MapAlarmEndpoints();
        app.MapHistoryExportEndpoints();
        app.MapStreamingEndpoints();
        app.MapInspectionEndpoints();
        app.MapSettingsEndpoints();
        // SecurityHeaders sends the one CSP, frame-ancestors 'none' included; Blazor's own ('self') would be a second header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
