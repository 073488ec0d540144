using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using static KukaPortal.Core.Tests.Formats.Files;

namespace KukaPortal.Core.Tests.Corpus;

public class BadFileTests
{
    [Theory]
    [MemberData(nameof(BadFiles.All), MemberType = typeof(BadFiles))]
    public async Task Each_bad_file_is_rejected_with_its_exact_error_and_location(BadFiles.Case file)
    {
        var batch = await RecordingValidator.ValidateAsync([SourceFile.FromBytes(file.Name, file.Content)], cancellationToken: Ct);

        var report = batch.Reports.ShouldHaveSingleItem();
        report.Accepted.ShouldBeFalse();
        report.Source.ShouldBe(file.Name);
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Code, error.Message, error.Line, error.Column).ShouldBe((file.Code, file.Message, file.Line, file.Column));
    }
}
