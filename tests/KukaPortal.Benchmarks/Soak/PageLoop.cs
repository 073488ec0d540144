namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// The dashboards' page loads: every dashboard GETs its asset's page (server-rendered, the real database
/// reads) once per period, spread evenly over the period.
/// </summary>
public sealed class PageLoop(HttpClient client, IReadOnlyList<int> dashboardAssets, TimeSpan period, SoakErrors errors)
{
    public int Completed { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period / dashboardAssets.Count);
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var assetId = dashboardAssets[next++ % dashboardAssets.Count];
                try
                {
                    using var response = await client.GetAsync($"/assets/{assetId}", CancellationToken.None);
                    if (response.IsSuccessStatusCode) Completed++;
                    else errors.Add(SoakErrors.Http, $"GET /assets/{assetId}: {(int)response.StatusCode}");
                }
                catch (HttpRequestException e)
                {
                    errors.Add(SoakErrors.Http, $"GET /assets/{assetId}: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
