using KukaPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace KukaPortal.Migrations;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the portal. Generating a
/// migration never connects, so the connection string only has to be well formed.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Portal")
            ?? "Host=localhost;Database=kukaportal_design";
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DependencyInjection.Configure(options, new NpgsqlDataSourceBuilder(connectionString).Build());
        return new PortalDbContext(options.Options);
    }
}
