using KukaPortal.Web.Recordings;

namespace KukaPortal.Web.Hosting;

public static class RecordingsExtensions
{
    public static WebApplicationBuilder AddRecordings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecordingImporter>();
        builder.Services.AddSingleton<RecordingLoader>();
        builder.Services.AddSingleton<UploadReceiver>();
        builder.Services.AddSingleton<StagedUploads>();
        return builder;
    }
}
