using KukaPortal.Core.Floor;

namespace KukaPortal.Core.Tests.Floor;

public class ElapsedTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-5, "just now")] // a clock a little ahead of the server's
    [InlineData(0, "just now")]
    [InlineData(9, "just now")]
    [InlineData(10, "10 s ago")]
    [InlineData(59, "59 s ago")]
    [InlineData(60, "1 min ago")]
    [InlineData(3599, "59 min ago")]
    [InlineData(3600 + 5 * 60, "1 h 5 min ago")]
    [InlineData(86_400 * 3 + 7, "3 d ago")]
    public void Words_an_elapsed_time(int seconds, string text) =>
        ElapsedText.Since(Now.AddSeconds(-seconds), Now).ShouldBe(text);
}
