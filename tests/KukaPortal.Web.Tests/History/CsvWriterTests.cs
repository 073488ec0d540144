using System.Text;
using KukaPortal.Web.History;

namespace KukaPortal.Web.Tests.History;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Fields_are_quoted_only_when_RFC_4180_requires_it(string? value, string expected) =>
        CsvWriter.Field(value).ShouldBe(expected);

    [Fact]
    public async Task Rows_end_in_CRLF_with_invariant_numbers_and_ISO_8601_UTC_times()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync("at", "value");
            await csv.WriteRowAsync(new DateTimeOffset(2026, 1, 2, 4, 5, 6, TimeSpan.FromHours(2)), 1234.5);
        }

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("at,value\r\n2026-01-02T02:05:06Z,1234.5\r\n");
    }
}
