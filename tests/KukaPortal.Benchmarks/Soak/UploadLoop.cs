using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// An engineer uploading recordings over and over: each pass posts a freshly generated CSV as
/// multipart/form-data (what the browser sends) to the recordings API and times the answer.
/// </summary>
public sealed class UploadLoop(HttpClient client, int assetId, int rows, SoakErrors errors, ConcurrentBag<double> milliseconds)
{
    public int Completed { get; private set; }

    public async Task RunAsync(int seed, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var csv = Encoding.UTF8.GetBytes(RobotCsv.Normal(rows, seed: seed++));
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "files", $"soak-{seed}.csv");
            var clock = Stopwatch.StartNew();
            try
            {
                // Not cancelled by the stop signal: an upload in flight finishes, so stopping is no error.
                using var response = await client.PostAsync($"/api/assets/{assetId}/recordings?purpose=scoring", form, CancellationToken.None);
                milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                if (response.IsSuccessStatusCode) Completed++;
                else errors.Add(SoakErrors.Http, $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (HttpRequestException e)
            {
                errors.Add(SoakErrors.Http, $"upload: {e.Message}");
            }
        }
    }
}
