using System.Text.Json;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Core.Validation;

namespace KukaPortal.Core.Tests.Validation;

public class RecordingReportRenderingTests
{
    private static RecordingReport Sample() => RecordingValidator.Validate(
        new ParsedRecording("KukaSlow", new TimeSeries(["a", "b"], [1, 5, float.NaN, 5, 3, 5], [0, 0.5, 1], [true, true, true]), RecordingRole.Abnormal, RecordingFormat.Npy)
        {
            SourceName = "kuka.zip/KukaSlow.npy",
            Notes = ["Channel names from 'KukaColumnNames.npy'."],
        },
        new ValidationOptions { MissingValues = MissingValuePolicy.DropRows, MaxMissingFraction = 0.5 }).Report;

    [Fact]
    public void Serialises_to_camel_case_json_and_back()
    {
        var json = RecordingReportJson.Serialize(Sample());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("source").GetString().ShouldBe("kuka.zip/KukaSlow.npy");
        root.GetProperty("format").GetString().ShouldBe("npy");
        root.GetProperty("role").GetString().ShouldBe("abnormal");
        root.GetProperty("accepted").GetBoolean().ShouldBeTrue();
        root.GetProperty("timing").GetProperty("periodMedianSeconds").GetDouble().ShouldBe(0.5);
        root.GetProperty("missingValues").GetProperty("policy").GetString().ShouldBe("dropRows");
        root.GetProperty("channels")[0].GetProperty("firstNonFiniteRow").GetInt64().ShouldBe(2);
        root.GetProperty("warnings")[0].GetProperty("code").GetString().ShouldBe("constantChannel");
        RecordingReportJson.Serialize(RecordingReportJson.Deserialize(json)).ShouldBe(json);
    }

    [Fact]
    public void Renders_text_for_the_terminal()
    {
        var failed = RecordingValidator.Rejected(new RecordingFailure("bad.csv",
            new RecordingFormatException(RecordingErrorKind.RaggedRow, "Expected 2 fields as in the header, found 1.", 3, sourceName: "bad.csv")));
        var batch = new ValidatedBatch(
            [new ValidatedRecording(Sample(), null, null), new ValidatedRecording(failed, null, null)],
            [new SkippedFile("kuka.zip/.DS_Store", "It is a hidden file.")]);

        RecordingReportText.Render(batch).ShouldBe(
            """
            KukaSlow (kuka.zip/KukaSlow.npy): accepted
              npy, role abnormal, 3 rows × 2 channels
              timing: period 0.5 s (jitter 0 s MAD, 0 s std), span 1 s
              labels: 0 normal, 3 anomalous
              missing values: 1 in 1 rows, policy dropRows, 1 rows dropped
                a: 1 missing, 0 infinite, first at row 2
              constant channels: b
              warnings:
                - Channel 'b' is constant (5); it carries no information.
                - Dropped 1 row with missing or infinite values (33.3 %), the first at row 2.
              notes:
                - Channel names from 'KukaColumnNames.npy'.

            bad.csv: rejected
              errors:
                - bad.csv, line 3: Expected 2 fields as in the header, found 1.

            skipped kuka.zip/.DS_Store: It is a hidden file.
            2 recording(s): 1 accepted, 1 rejected

            """.ReplaceLineEndings("\n"));
    }
}
