using Bunit;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Settings;
using KukaPortal.Web.Components.Settings;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Tests.Settings;

public class ServiceModeSectionTests : SectionTest
{
    private readonly List<ServiceModeRequest> _requests = [];

    private IRenderedComponent<ServiceModeSection> RenderMode(AssetAlarmMode mode, bool canEdit, string? reason = null) =>
        Render<ServiceModeSection>(p => p
            .Add(c => c.Settings, new AssetSettings(1, "Cell 7", mode, reason, mode == AssetAlarmMode.InService ? null : "anna@plant.example",
                mode == AssetAlarmMode.InService ? null : new DateTimeOffset(2026, 12, 6, 8, 30, 0, TimeSpan.Zero), 2, 3, null))
            .Add(c => c.CanEdit, canEdit)
            .Add(c => c.OnChange, EventCallback.Factory.Create<ServiceModeRequest>(this, _requests.Add)));

    private static IReadOnlyList<string> Buttons(IRenderedComponent<ServiceModeSection> cut) =>
        cut.FindAll("button[data-testid^=mode-]").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public void In_service_it_offers_suppressing_and_taking_out_of_service_and_refuses_either_without_a_reason()
    {
        var cut = RenderMode(AssetAlarmMode.InService, canEdit: true);
        Buttons(cut).ShouldBe(["Suppress alarms", "Take out of service"]);

        cut.Find("[data-testid=mode-RemoveFromService]").Click();

        cut.Find("[data-testid=service-mode-problem]").TextContent.ShouldStartWith("A reason is required to take an asset out of service");
        _requests.ShouldBeEmpty();
    }

    [Fact]
    public void With_a_reason_the_change_is_handed_to_the_page_trimmed()
    {
        var cut = RenderMode(AssetAlarmMode.InService, canEdit: true);

        Input(cut, "service-mode-text").Input("  Gripper swap ");
        cut.Find("[data-testid=mode-Suppress]").Click();

        _requests.ShouldBe([new ServiceModeRequest(AssetModeOperation.Suppress, "Gripper swap")]);
    }

    [Fact]
    public void Out_of_service_it_offers_only_the_return_which_needs_no_comment_and_says_who_and_since_when()
    {
        var cut = RenderMode(AssetAlarmMode.OutOfService, canEdit: true, reason: "Gripper swap");
        Buttons(cut).ShouldBe(["Return to service"]);
        cut.Find("[data-testid=service-mode-since]").TextContent.ShouldContain("since 2026-12-06 08:30 UTC, by anna@plant.example: Gripper swap");

        cut.Find("[data-testid=mode-ReturnToService]").Click();

        _requests.ShouldBe([new ServiceModeRequest(AssetModeOperation.ReturnToService, null)]);
    }

    [Fact]
    public void Read_only_it_shows_the_mode_but_no_reason_field_or_buttons()
    {
        var cut = RenderMode(AssetAlarmMode.SuppressedByDesign, canEdit: false, reason: "Teach mode");

        cut.Find("[data-testid=service-mode]").TextContent.ShouldBe("Alarms suppressed");
        cut.FindAll("input").ShouldBeEmpty();
        Buttons(cut).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(AssetAlarmMode.InService)]
    [InlineData(AssetAlarmMode.SuppressedByDesign)]
    [InlineData(AssetAlarmMode.OutOfService)]
    public void Every_offered_operation_is_one_the_state_machine_allows_from_that_mode(AssetAlarmMode mode)
    {
        foreach (var action in ServiceModeActions.From(mode))
        {
            var operation = Enum.Parse<AlarmOperation>(action.Operation.ToString());
            AssetAlarmModes.Apply(mode, operation).Changed.ShouldBeTrue($"{action.Label} from {mode}");
        }
    }
}
