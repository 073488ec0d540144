using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

public class AnomalyKindsTests
{
    [Fact]
    public void The_command_line_names_parse_in_any_case_with_blanks()
    {
        AnomalyKinds.ParseList(" Slowdown, collision ,PAYLOAD,friction,drift,stuck,noise,missing ")
            .ShouldBe(AnomalyKinds.Kinds);
    }

    [Fact]
    public void Names_are_the_lower_case_kinds()
    {
        AnomalyKinds.Names.ShouldBe(["slowdown", "collision", "payload", "friction", "drift", "stuck", "noise", "missing"]);
        AnomalyKinds.Parse("stuck").ShouldBe(AnomalyKind.Stuck);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData(" , ")]
    public void Nothing_or_none_means_a_normal_recording(string? text)
    {
        AnomalyKinds.ParseList(text).ShouldBeEmpty();
    }

    [Fact]
    public void Repeated_names_count_once()
    {
        AnomalyKinds.ParseList("drift,noise,drift").ShouldBe([AnomalyKind.Drift, AnomalyKind.Noise]);
    }

    [Fact]
    public void Unknown_names_are_all_reported_with_the_known_ones()
    {
        var error = Should.Throw<FormatException>(() => AnomalyKinds.ParseList("slowdown,colision,spike"));

        error.Message.ShouldContain("'colision', 'spike'");
        error.Message.ShouldContain("slowdown, collision, payload, friction, drift, stuck, noise, missing");
        AnomalyKinds.TryParse("spike", out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => AnomalyKinds.Parse("spike")).Message.ShouldStartWith("Unknown anomaly kind 'spike'.");
    }
}
