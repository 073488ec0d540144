using KukaPortal.Data.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>The real portal whose blob store writes to a <see cref="FullDisk"/>: everything else is as in production.</summary>
public sealed class FullDiskPortal : PortalFactory
{
    public FullDisk Disk { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton(provider => new BlobStore(provider.GetRequiredService<IOptions<StorageOptions>>(), Disk.CreateFile)));
    }
}
