using System.IO.Compression;
using System.Net;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Simulation;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Recordings;

public class RecordingFormatUploadTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_kuka_layout_imports_as_a_normal_and_a_labelled_abnormal_recording_in_one_upload()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var pair = KukaLikeDataSet.Generate(new KukaLikeDataSetOptions { NormalRows = 3000, SlowRows = 4000, Seed = 4 });

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal", Multipart(
            ("KukaNormal.npy", Npy(pair.Normal.Series)),
            ("KukaSlow.npy", Npy(pair.Slow.Series)),
            ("KukaColumnNames.npy", Names(pair.Normal.Series.Channels))), TestContext.Current.CancellationToken);

        var uploaded = await session.ReadAsync<UploadView>(response);
        uploaded.Recordings.Select(r => (r.Name, r.Rows, r.Channels)).ShouldBe([("KukaNormal.npy", 3000, 86), ("KukaSlow.npy", 4000, 86)]);
        var stored = await Portal.WithDbAsync(db => db.Recordings.OrderBy(r => r.Id).ToListAsync());
        stored.Select(r => (r.Purpose, r.AnomalousRows)).ShouldBe([(RecordingPurpose.Normal, 0), (RecordingPurpose.Scoring, 4000)]);
        stored.ShouldAllBe(r => r.Format == "npy");

        var loaded = Portal.Services.GetRequiredService<RecordingLoader>().Load(stored[1]);
        loaded.Values.ShouldBe(pair.Slow.Series.Values);
        loaded.Channels.ShouldBe(pair.Normal.Series.Channels);
    }

    [Fact]
    public async Task A_zip_of_csv_and_parquet_imports_each_entry_keeping_timestamps_and_labels()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var robot = RobotSimulator.Generate(new RobotSimulationOptions { Rows = 2800, Seed = 5, Anomalies = [AnomalyKind.Collision] }).Series;

        var zip = Zip(("runs/first.csv", Csv(robot)), ("runs/second.parquet", await ParquetAsync(robot)));
        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=scoring&fileName=runs.zip",
            new ByteArrayContent(zip), TestContext.Current.CancellationToken);

        var uploaded = await session.ReadAsync<UploadView>(response);
        uploaded.Recordings.Select(r => r.Name).ShouldBe(["runs.zip/runs/first.csv", "runs.zip/runs/second.parquet"]);
        var stored = await Portal.WithDbAsync(db => db.Recordings.OrderBy(r => r.Id).ToListAsync());
        stored.ShouldAllBe(r => r.OriginalKey == stored[0].OriginalKey, "both come from one kept original");
        var loader = Portal.Services.GetRequiredService<RecordingLoader>();
        foreach (var recording in stored)
        {
            var series = loader.Load(recording);
            series.Labels.ShouldBe(robot.Labels);
            series.Timestamps!.Length.ShouldBe(robot.Rows);
            series.Timestamps[^1].ShouldBe(robot.Timestamps![^1] - robot.Timestamps[0], 1e-6);
        }
    }

    [Fact]
    public async Task Missing_samples_are_interpolated_when_the_sender_asks_and_the_report_says_so()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var robot = RobotSimulator.Generate(new RobotSimulationOptions { Rows = 8000, Seed = 6, Anomalies = [AnomalyKind.Missing] }).Series;
        robot.Values.ShouldContain(float.NaN);

        var rejected = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?fileName=gaps.csv", new ByteArrayContent(Csv(robot)), TestContext.Current.CancellationToken);
        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var accepted = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?fileName=gaps.csv&missing=interpolate", new ByteArrayContent(Csv(robot)), TestContext.Current.CancellationToken);
        var id = (await session.ReadAsync<UploadView>(accepted)).Recordings.Single().Id;
        var recording = await Portal.WithDbAsync(db => db.Recordings.SingleAsync(r => r.Id == id));
        Portal.Services.GetRequiredService<RecordingLoader>().Load(recording).Values.ShouldAllBe(v => float.IsFinite(v));
        recording.Report.ShouldContain("interpolated");
    }

    [Fact]
    public async Task A_multipart_file_larger_than_the_framework_default_of_128_MB_is_received_whole()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        const int rows = 400_000, channels = 86; // 137.6 MB of float32
        var values = new float[rows * channels];
        for (var i = 0; i < values.Length; i++) values[i] = (i % 1000) * 0.5f;
        var series = new KukaPortal.Core.Series.TimeSeries(Enumerable.Range(0, channels).Select(c => $"c{c}").ToArray(), values);

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings",
            Multipart(("big.npy", Npy(series))), TestContext.Current.CancellationToken);

        var uploaded = await session.ReadAsync<UploadView>(response);
        uploaded.Recordings.Single().Rows.ShouldBe(rows);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_before_anything_is_received()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?missing=guess", new StringContent("a\n1\n"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
    }

    private static MultipartFormDataContent Multipart(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "files", name);
        return content;
    }

    private static byte[] Npy(KukaPortal.Core.Series.TimeSeries series) =>
        Bytes(s => NpyWriter.WriteMatrix(s, series.Values, series.Rows, series.ChannelCount));

    private static byte[] Names(IReadOnlyList<string> names) => Bytes(s => NpyWriter.WriteStrings(s, names));

    private static byte[] Csv(KukaPortal.Core.Series.TimeSeries series) => Bytes(s => CsvRecordingWriter.Write(s, series));

    private static async Task<byte[]> ParquetAsync(KukaPortal.Core.Series.TimeSeries series)
    {
        using var stream = new MemoryStream();
        await ParquetRecordingWriter.WriteAsync(stream, series, cancellationToken: TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
