using KukaPortal.Data;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Hosting;

public static class DataExtensions
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        DependencyInjection.AddPortalData(builder);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        return builder;
    }

    /// <summary>Migrates the schema when configured to, then makes sure roles and the first administrator exist.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstRunSeeder>().SeedAsync();
    }
}
