using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>A browser page for one test; saves a screenshot when the test fails so the failure can be seen.</summary>
public sealed class PageJourney : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PageJourney(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];

    /// <param name="viewport">The window size; 1280×800 (the smallest screen the portal is built for) when not given.</param>
    public static async Task<PageJourney> OpenAsync(BrowserPortal portal, ViewportSize? viewport = null)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var journey = new PageJourney(context, page);
        page.Console += (_, message) => { if (message.Type == "error") journey.ConsoleErrors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) journey.ConsoleErrors.Add($"{response.Status} {response.Url}"); };
        return journey;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Assets" }).WaitForAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Waits until the Blazor circuit is connected, so input reaches the server.</summary>
    public Task WaitForInteractiveAsync() => Page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Runs the steps of a journey; if one fails, a full-page screenshot is saved and its path reported.</summary>
    public async Task RunAsync(Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"failure-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
            await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Console.Error.WriteLine($"Browser test failed; screenshot saved to {file}");
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
