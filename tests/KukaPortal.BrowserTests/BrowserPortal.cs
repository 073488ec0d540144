using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (a browser cannot reach the in-memory test server) plus one
/// Debian Chromium driven by Playwright. Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserPortal : PortalFactory
{
    private IPlaywright? _playwright;

    public BrowserPortal() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Urls"] = "http://127.0.0.1:0";
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
