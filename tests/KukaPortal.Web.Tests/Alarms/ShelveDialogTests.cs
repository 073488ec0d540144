using AngleSharp.Dom;
using Bunit;
using KukaPortal.Web.Components.Alarms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KukaPortal.Web.Tests.Alarms;

public sealed class ShelveDialogTests : PortalComponentTest
{
    // The dialog reads the configured AlarmOptions; the defaults serve here (the bounds are ShelveChoiceTests' business).
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>()
            .ShowAsync<ShelveDialog>("Shelve", new DialogParameters<ShelveDialog> { { d => d.AlarmLabel, "#7" } }));
        return (provider, dialog!);
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Without_a_reason_it_says_so_and_stays_open()
    {
        var (provider, dialog) = await OpenAsync();

        await Button(provider, "Shelve").ClickAsync(new());

        provider.Find("[data-testid=shelve-problem]").TextContent.ShouldStartWith("A reason is required to shelve an alarm");
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task With_a_reason_it_returns_the_default_hour_and_the_trimmed_reason()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("input[type=text]").Input("  Sensor cable being replaced ");
        await Button(provider, "Shelve").ClickAsync(new());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        result!.Canceled.ShouldBeFalse();
        result.Data.ShouldBe(new ShelveRequest(60, "Sensor cable being replaced"));
    }

    [Fact]
    public async Task Cancel_returns_nothing()
    {
        var (provider, dialog) = await OpenAsync();

        await Button(provider, "Cancel").ClickAsync(new());

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken))!.Canceled.ShouldBeTrue();
    }
}
