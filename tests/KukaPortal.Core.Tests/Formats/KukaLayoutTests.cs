using KukaPortal.Core.Formats;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Formats;

public class KukaLayoutTests
{
    private static readonly string[] Names = Enumerable.Range(0, 86).Select(i => $"A{i % 6 + 1}_signal_{i}").ToArray();

    private static (string Name, byte[] Content)[] LayoutFiles(string folder = "") =>
    [
        (folder + "KukaColumnNames.npy", NpyBuilder.Strings("<U20", Names)),
        (folder + "KukaNormal.npy", NpyBuilder.Array("<f4", [3, 86], Enumerable.Range(0, 3 * 86).Select(i => (double)i).ToArray())),
        (folder + "KukaSlow.npy", NpyBuilder.Array("<f4", [2, 86], Enumerable.Range(0, 2 * 86).Select(i => (double)-i).ToArray())),
    ];

    [Fact]
    public async Task Imports_three_loose_files_as_a_normal_and_an_abnormal_recording()
    {
        var recordings = await Read(LayoutFiles().Select(f => Bytes(f.Name, f.Content)).ToArray());

        ShouldBeTheKukaPair(recordings);
    }

    [Fact]
    public async Task Imports_the_same_files_from_a_folder_in_a_zip()
    {
        var recordings = await Read(Bytes("kuka.zip", Zip(LayoutFiles("data/"))));

        ShouldBeTheKukaPair(recordings, "data/");
        recordings[0].SourceName.ShouldBe("kuka.zip/data/KukaNormal.npy");
    }

    private static void ShouldBeTheKukaPair(IReadOnlyList<ParsedRecording> recordings, string folder = "")
    {
        recordings.Select(r => (r.Name, r.Role)).ShouldBe([("KukaNormal", RecordingRole.Normal), ("KukaSlow", RecordingRole.Abnormal)]);
        recordings.ShouldAllBe(r => r.Series.Channels.SequenceEqual(Names));
        recordings[0].Series.Labels.ShouldBe([false, false, false]);
        recordings[1].Series.Labels.ShouldBe([true, true]);
        recordings[1].Series[1, 85].ShouldBe(-171f);
        recordings[1].Notes.ShouldBe([
            $"Channel names from '{folder}KukaColumnNames.npy'.",
            "KUKA layout: the slow run is abnormal, so every row is labelled anomalous.",
        ]);
    }
}
