using KukaPortal.Web.Hosting;

// ContentRootPath = the output folder: appsettings.json and wwwroot/ are linked there from the repository root.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddPortalData();
builder.AddTorch();
builder.AddPortalAuthentication();
builder.AddMonitoring();
builder.AddAlarms();
builder.AddRecordings();
builder.AddInspection();
builder.AddJobWorkers();
builder.AddModels();
builder.AddReconstruction();
builder.AddStreaming();
builder.AddDemo();
builder.AddFloorDashboard();
builder.AddPortalUi();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();

app.Run();

/// <summary>Entry point, public so that WebApplicationFactory&lt;Program&gt; can host the portal in tests.</summary>
public partial class Program;
