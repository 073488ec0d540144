using System.IO.Compression;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Images;
using KukaPortal.Core.Series;
using KukaPortal.Core.Validation;

namespace KukaPortal.Core.Tests.Fuzz;

/// <summary>
/// Thousands of damaged versions of valid uploads (fixed seeds, so a failure replays exactly). The contract under
/// test: the recording validator always answers with a report — never an unexpected exception, never a hang — and
/// whatever it accepts is a clean series; the image-set reader either reads a set or refuses with its own
/// <see cref="ImageSetException"/>. What reaches the database afterwards is the importers' tests' concern.
/// </summary>
public class ImportFuzzTests
{
    private const int Mutations = 600;
    private static readonly TimeSpan OneInputLimit = TimeSpan.FromSeconds(20);

    public static TheoryData<string> RecordingSeeds => ["run.csv", "run.npy", "run.parquet", "runs.zip"];

    /// <summary>Fixed (string hash codes change with every process, so they make no seed); FUZZ_SEED explores others.</summary>
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : 20261206;

    [Theory]
    [MemberData(nameof(RecordingSeeds))]
    public async Task Damaged_recordings_get_a_report_and_what_is_accepted_is_clean(string name)
    {
        var original = await SeedAsync(name);
        var mutator = new ByteMutator(seed: Seed);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Mutations; i++)
        {
            var damaged = mutator.Mutate(original);
            var files = new[] { new SourceFile(name, () => new MemoryStream(damaged, writable: false), damaged.Length) };
            // On a thread of its own, so that a reader stuck before its first await cannot stall the watchdog.
            var validation = Task.Run(() => RecordingValidator.ValidateAsync(files, limits: SmallLimits, cancellationToken: TestContext.Current.CancellationToken));
            (await Task.WhenAny(validation, Task.Delay(OneInputLimit, TestContext.Current.CancellationToken))).ShouldBe(validation, $"mutation {i} of {name} hung");
            var batch = await validation; // rethrows anything unexpected, naming the mutation below
            foreach (var recording in batch.Recordings)
            {
                if (recording.Accepted)
                {
                    recording.Cleaned.ShouldNotBeNull();
                    recording.Cleaned!.Values.ShouldAllBe(v => float.IsFinite(v), $"mutation {i} of {name} was accepted with non-finite values");
                }
                else
                    recording.Report.Errors.ShouldNotBeEmpty($"mutation {i} of {name} was rejected without a reason");
            }
            var outcome = batch.Accepted ? "accepted" : batch.Recordings.SelectMany(r => r.Report.Errors).Select(e => e.Code).FirstOrDefault() ?? "nothing read";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The damage really reached the readers: most mutations must be refused for a reason.
        outcomes.Where(o => o.Key != "accepted").Sum(o => o.Value).ShouldBeGreaterThan(Mutations / 4, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Damaged_image_set_archives_are_read_or_refused_with_reasons()
    {
        var original = ImageSetZip();
        var mutator = new ByteMutator(seed: Seed);
        var ct = TestContext.Current.CancellationToken;
        var refused = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var damaged = mutator.Mutate(original);
            var reading = Task.Run(() => ImageSetReader.ReadZip(new MemoryStream(damaged, writable: false), "set.zip", new ImageSetReadOptions { Size = 16, Channels = 1 }, ct), ct);
            (await Task.WhenAny(reading, Task.Delay(OneInputLimit, ct))).ShouldBe(reading, $"mutation {i} hung");
            try
            {
                (await reading).Set.Items.ShouldAllBe(item => item.Image.Pixels.All(float.IsFinite));
            }
            catch (ImageSetException refusal)
            {
                refusal.Errors.ShouldNotBeEmpty();
                refused++;
            }
        }

        refused.ShouldBeGreaterThan(Mutations / 4);
    }

    private static readonly ReadLimits SmallLimits = new() { MaxValues = 1 << 20, MaxArchiveEntries = 20, MaxArchiveBytes = 16 << 20 };

    private static TimeSeries Series()
    {
        const int rows = 40, channels = 3;
        var values = Enumerable.Range(0, rows * channels).Select(i => MathF.Sin(i * 0.1f) * 10).ToArray();
        return new TimeSeries(["a1", "a2", "current"], values, Enumerable.Range(0, rows).Select(i => 0.012 * i).ToArray());
    }

    private static async Task<byte[]> SeedAsync(string name)
    {
        var series = Series();
        using var stream = new MemoryStream();
        switch (Path.GetExtension(name))
        {
            case ".csv": CsvRecordingWriter.Write(stream, series); break;
            case ".npy": NpyWriter.WriteMatrix(stream, series.Values, series.Rows, series.Channels.Count); break;
            case ".parquet": await ParquetRecordingWriter.WriteAsync(stream, series); break;
            default:
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await using (var csv = zip.CreateEntry("first.csv").Open()) CsvRecordingWriter.Write(csv, series);
                    await using (var second = zip.CreateEntry("second.csv").Open()) CsvRecordingWriter.Write(second, series);
                }
                break;
        }
        return stream.ToArray();
    }

    private static byte[] ImageSetZip()
    {
        static byte[] Png(int seed, bool defect = false)
        {
            var random = new Random(seed);
            var pixels = Enumerable.Range(0, 16 * 16).Select(p => defect && p % 16 is > 5 and < 9 ? 1f : (float)random.NextDouble() * 0.5f).ToArray();
            return ImageEncoder.Png(new PlanarImage(1, 16, 16, pixels));
        }
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes) { using var entry = zip.CreateEntry(path).Open(); entry.Write(bytes); }
            for (var i = 0; i < 4; i++) Add($"train/good/{i:000}.png", Png(i));
            Add("test/good/000.png", Png(10));
            Add("test/scratch/000.png", Png(11, defect: true));
            Add("ground_truth/scratch/000_mask.png", ImageEncoder.Png(new PlanarImage(1, 16, 16, Enumerable.Range(0, 256).Select(p => p % 16 is > 5 and < 9 ? 1f : 0f).ToArray())));
        }
        return stream.ToArray();
    }
}
