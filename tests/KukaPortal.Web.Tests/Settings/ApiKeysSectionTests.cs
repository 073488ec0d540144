using AngleSharp.Dom;
using Bunit;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Components.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KukaPortal.Web.Tests.Settings;

public class ApiKeysSectionTests : SectionTest
{
    private static readonly DateTimeOffset Created = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly List<AssetApiKey> _revoked = [];
    private readonly List<string> _createdNames = [];

    private static AssetApiKey Key(int id, string name, DateTimeOffset? revokedAt = null) => new()
    {
        Id = id, AssetId = 1, Name = name, KeyHash = "hash", Prefix = $"kp_{id}abcdef", CreatedAt = Created, CreatedBy = "anna@plant.example",
        RevokedAt = revokedAt, RevokedBy = revokedAt is null ? null : "ben@plant.example",
    };

    private IRenderedComponent<ApiKeysSection> RenderKeys(IReadOnlyList<AssetApiKey> keys, NewApiKey? created = null) =>
        Render<ApiKeysSection>(p => p.Add(c => c.Keys, keys).Add(c => c.Created, created)
            .Add(c => c.OnCreate, EventCallback.Factory.Create<string>(this, _createdNames.Add))
            .Add(c => c.OnRevoke, EventCallback.Factory.Create<AssetApiKey>(this, _revoked.Add)));

    [Fact]
    public void A_new_key_is_shown_once_with_a_warning_and_copied_through_the_clipboard()
    {
        var cut = RenderKeys([Key(1, "Line 3 PLC")], new NewApiKey(1, "Line 3 PLC", "kp_secret-value"));

        cut.Find("[data-testid=new-key]").TextContent.ShouldContain("you will not see it again");
        Input(cut, "new-key-value").GetAttribute("value").ShouldBe("kp_secret-value");
        cut.Find("[data-testid=new-key-copy]").Click();

        JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.ShouldBe(["kp_secret-value"]);
    }

    [Fact]
    public void Without_a_new_key_no_secret_is_on_the_page()
    {
        var cut = RenderKeys([Key(1, "Line 3 PLC")]);

        cut.FindAll("[data-testid=new-key]").ShouldBeEmpty();
        cut.Find("[data-testid=key-row-1]").TextContent.ShouldContain("kp_1abcdef…");
    }

    [Fact]
    public void A_blank_name_creates_a_key_with_the_default_name()
    {
        var cut = RenderKeys([]);
        cut.Find("[data-testid=no-keys]").ShouldNotBeNull();

        cut.Find("[data-testid=create-key]").Click();

        _createdNames.ShouldBe(["Ingest key"]);
    }

    [Fact]
    public async Task Revoking_asks_first_and_cancel_revokes_nothing()
    {
        var provider = Render<MudDialogProvider>();
        var cut = RenderKeys([Key(1, "Line 3 PLC")]);

        // The click's handler waits for the dialog's answer, so it completes only after the dialog closes.
        var click = cut.Find("[data-testid=revoke-1]").ClickAsync(new());
        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Revoke the key \"Line 3 PLC\"?"));
        await DialogButton(provider, "Cancel").ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        _revoked.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_after_confirming_hands_the_key_to_the_page()
    {
        var provider = Render<MudDialogProvider>();
        var cut = RenderKeys([Key(1, "Line 3 PLC")]);

        var click = cut.Find("[data-testid=revoke-1]").ClickAsync(new());
        provider.WaitForAssertion(() => provider.FindAll("button").Any(b => b.TextContent.Trim() == "Revoke").ShouldBeTrue());
        await DialogButton(provider, "Revoke").ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        _revoked.ShouldHaveSingleItem().Id.ShouldBe(1);
    }

    [Fact]
    public void A_revoked_key_says_by_whom_and_offers_no_revoke()
    {
        var cut = RenderKeys([Key(2, "Old PLC", revokedAt: Created.AddHours(1))]);

        cut.Find("[data-testid=key-row-2]").TextContent.ShouldContain("revoked 2026-12-06 10:00 by ben@plant.example");
        cut.FindAll("[data-testid=revoke-2]").ShouldBeEmpty();
    }

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
