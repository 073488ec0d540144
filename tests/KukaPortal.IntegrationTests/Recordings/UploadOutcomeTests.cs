using KukaPortal.Web.Recordings;

namespace KukaPortal.IntegrationTests.Recordings;

/// <summary>What the upload panel tells the person who dropped the files, for each answer the endpoint can give.</summary>
public class UploadOutcomeTests
{
    [Fact]
    public void An_accepted_upload_is_summarised_per_recording_with_its_warnings_capped()
    {
        var warnings = string.Join(",", Enumerable.Range(1, 7).Select(i => $$"""{"message":"w{{i}}"}"""));
        var body = $$"""
            {"recordings":[{"name":"a.csv","rows":3000,"channels":6},{"name":"b.csv","rows":10,"channels":6}],
             "reports":[{"source":"a.csv","warnings":[{{warnings}}]}]}
            """;

        var outcome = UploadOutcome.Parse(200, body);

        outcome.Error.ShouldBeNull();
        outcome.Summary.ShouldBe("a.csv: 3,000 rows × 6 channels stored; b.csv: 10 rows × 6 channels stored");
        outcome.Warnings.ShouldBe(["a.csv: w1", "a.csv: w2", "a.csv: w3", "a.csv: w4", "a.csv: w5", "… and 2 more warnings."]);
    }

    [Fact]
    public void A_rejected_upload_shows_the_problem_detail() =>
        UploadOutcome.Parse(422, """{"title":"rejected","detail":"bad.csv, line 2: Expected 2 fields as in the header, found 1."}""")
            .Error.ShouldBe("bad.csv, line 2: Expected 2 fields as in the header, found 1.");

    [Theory]
    [InlineData(0, "The connection to the portal was lost during the upload; nothing was stored. Try again.")]
    [InlineData(401, "Your session has ended: sign in again, then upload once more.")]
    [InlineData(403, "Your role may not upload recordings.")]
    [InlineData(502, "The upload failed (HTTP 502); nothing was stored.")]
    public void Transport_and_permission_failures_are_said_plainly(int status, string message) =>
        UploadOutcome.Parse(status, "<html>proxy error</html>").Error.ShouldBe(message);
}
