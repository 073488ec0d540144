using System.Net.Http.Headers;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Inspection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>Helpers of the live image tests: an inspection station with the tiny model active and an API key, posting pictures, what got stored.</summary>
public abstract class LiveImageTest(PortalFactory portal, TinyImageModel model) : PortalTest(portal)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TinyImageModel Model => model;

    /// <summary>An inspection station (K of N as given) whose active model is the tiny one, threshold at <see cref="TinyImageModel.Threshold"/>, and its API key.</summary>
    protected async Task<(int AssetId, string Key)> StationAsync(bool withModel = true, int k = 2, int n = 3, string name = "Station 1")
    {
        var artifact = await model.ArtifactAsync(Portal);
        var assetId = await Portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = name, Kind = AssetKind.InspectionStation, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = k, AlarmOnDelayN = n };
            db.Assets.Add(asset);
            await db.SaveChangesAsync(Ct);
            return asset.Id;
        });
        if (withModel) await ActivateModelAsync(assetId, artifact);
        var key = await Portal.Services.GetRequiredService<ApiKeyStore>().CreateAsync(assetId, "camera", "test", Ct);
        return (assetId, key!.Value.Plain);
    }

    protected async Task<int> ActivateModelAsync(int assetId, string? artifact = null)
    {
        artifact ??= await model.ArtifactAsync(Portal);
        var artifactKey = $"models/{Guid.NewGuid():N}.kpm";
        var path = Portal.Services.GetRequiredService<BlobStore>().PathOf(artifactKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(artifact, path);
        return await Portal.WithDbAsync(async db =>
        {
            var row = new DetectorModel
            {
                AssetId = assetId, Version = 1, Family = "conv-ae-2d", ArtifactKey = artifactKey, Threshold = model.Threshold,
                ThresholdOverride = model.Threshold, Window = 1, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Models.Add(row);
            await db.SaveChangesAsync(Ct);
            await db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveModelId, row.Id), Ct);
            return row.Id;
        });
    }

    protected Task<HttpResponseMessage> PostAsync(int assetId, string? key, byte[] body, string contentType = "image/png", string? name = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var query = name is null ? "" : $"?name={Uri.EscapeDataString(name)}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/images{query}") { Content = content };
        if (key is not null) request.Headers.Add(AssetApiKeyFilter.Header, key);
        return Portal.CreateClient().SendAsync(request, Ct);
    }

    protected async Task<LiveImageResult> ScoredAsync(HttpResponseMessage response)
    {
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<LiveImageResult>(Ct))!;
    }

    protected Task<List<WindowScoreRow>> WindowsAsync(int assetId) =>
        Portal.WithDbAsync(db => db.WindowScores.Where(w => w.AssetId == assetId).OrderBy(w => w.WindowIndex).ToListAsync(Ct));

    protected Task<List<InspectionImage>> ImagesAsync(int assetId) =>
        Portal.WithDbAsync(db => db.InspectionImages.Where(i => i.AssetId == assetId).OrderBy(i => i.WindowIndex).ToListAsync(Ct));

    /// <summary>Kept originals of live images, across all assets.</summary>
    protected string[] KeptFiles()
    {
        var folder = Path.Combine(Portal.StorageRoot, "inspection");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }
}
