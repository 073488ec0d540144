using KukaPortal.Core.Thresholds;

namespace KukaPortal.Core.Tests.Thresholds;

public class ThresholdStrategyParserTests
{
    [Fact]
    public void Reads_each_strategy()
    {
        ThresholdStrategy.Parse("f1max").ShouldBeOfType<F1MaxStrategy>();
        ThresholdStrategy.Parse("quantile:0.99").ShouldBeOfType<QuantileStrategy>().Q.ShouldBe(0.99);
        ThresholdStrategy.Parse(" Budget:0.5/h ").ShouldBeOfType<BudgetStrategy>().AlarmsPerHour.ShouldBe(0.5);
    }

    [Theory]
    [InlineData("f1max")]
    [InlineData("quantile:0.99")]
    [InlineData("budget:2/h")]
    public void Writes_back_the_text_it_read(string text) => ThresholdStrategy.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("")]
    [InlineData("median")]
    [InlineData("f1max:1")]
    [InlineData("quantile")]
    [InlineData("quantile:1.5")]
    [InlineData("quantile:abc")]
    [InlineData("budget:2")]
    [InlineData("budget:2/min")]
    [InlineData("budget:-1/h")]
    public void Rejects_malformed_text_quoting_it_and_the_accepted_forms(string text)
    {
        var error = Should.Throw<FormatException>(() => ThresholdStrategy.Parse(text));

        error.Message.ShouldContain($"'{text}'");
        error.Message.ShouldContain("budget:N/h");
    }
}
