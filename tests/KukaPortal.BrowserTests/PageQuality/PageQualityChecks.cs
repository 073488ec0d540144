using System.Text.Json;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests.PageQuality;

/// <summary>
/// The quality bar every page must meet, checked on the page as loaded: one h1, no horizontal scrolling,
/// an accessible name on every control, and a "Skip to content" link as the first Tab stop that moves the focus
/// to the main content. Each check returns the problems it found, in words, so one run lists them all.
/// </summary>
public static class PageQualityChecks
{
    /// <summary>The roles Chromium gives inputs, buttons, selects and the widgets built from them.</summary>
    private static readonly HashSet<string> ControlRoles =
    [
        "button", "checkbox", "combobox", "listbox", "menuitem", "menuitemcheckbox", "menuitemradio", "radio", "searchbox",
        "slider", "spinbutton", "switch", "tab", "textbox", "PopUpButton", "ToggleButton", "ComboBoxSelect", "Date", "DateTime", "InputTime",
    ];

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        problems.AddRange(await HeadingProblemsAsync(page));
        problems.AddRange(await HorizontalScrollProblemsAsync(page));
        problems.AddRange(await UnnamedControlsAsync(page));
        problems.AddRange(await SkipLinkProblemsAsync(page));
        return problems;
    }

    private static async Task<IEnumerable<string>> HeadingProblemsAsync(IPage page)
    {
        var headings = await page.Locator("h1").AllTextContentsAsync();
        return headings.Count == 1 ? [] : [$"{headings.Count} h1 elements ({string.Join(" | ", headings)}), expected exactly one"];
    }

    private static async Task<IEnumerable<string>> HorizontalScrollProblemsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1]) return [];
        // Name the innermost elements that stick out, which is where a fix goes.
        var culprits = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 3)
              .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ends at ${Math.round(e.getBoundingClientRect().right)}px`)
            """);
        return [$"horizontal scrollbar: the page is {widths[0]}px wide in a {widths[1]}px window ({string.Join("; ", culprits)})"];
    }

    /// <summary>Reads the names from Chromium's own accessibility tree (what a screen reader gets), not from a guess in script.</summary>
    private static async Task<IEnumerable<string>> UnnamedControlsAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            var tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value;
            var problems = new List<string>();
            foreach (var node in tree.GetProperty("nodes").EnumerateArray())
            {
                if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()) continue;
                var role = ValueOf(node, "role");
                if (role is null || !ControlRoles.Contains(role) || !string.IsNullOrWhiteSpace(ValueOf(node, "name"))) continue;
                var html = node.TryGetProperty("backendDOMNodeId", out var id)
                    ? (await cdp.SendAsync("DOM.getOuterHTML", new() { ["backendNodeId"] = id.GetInt32() }))!.Value.GetProperty("outerHTML").GetString()!
                    : "(no element)";
                problems.Add($"a {role} without an accessible name: {(html.Length > 160 ? html[..160] + "…" : html)}");
            }
            return problems;
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    private static string? ValueOf(JsonElement node, string property) =>
        node.TryGetProperty(property, out var p) && p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>From the top of the page (the focus on the document itself), Tab, then Enter.</summary>
    private static async Task<IEnumerable<string>> SkipLinkProblemsAsync(IPage page)
    {
        var url = page.Url;
        await page.EvaluateAsync("""
            () => {
              document.activeElement?.blur();
              document.body.tabIndex = -1;
              document.body.focus();
            }
            """);
        await page.Keyboard.PressAsync("Tab");
        await page.EvaluateAsync("() => document.body.removeAttribute('tabindex')");
        var first = await page.EvaluateAsync<JsonElement>("""
            () => {
              const e = document.activeElement, r = e.getBoundingClientRect();
              return { description: `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent || '').trim().slice(0, 40)}`,
                       isSkipLink: e.matches('a.skip-link') && e.textContent.trim() === 'Skip to content',
                       onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight };
            }
            """);
        if (!first.GetProperty("isSkipLink").GetBoolean())
            return [$"the first Tab stop is {first.GetProperty("description").GetString()}, not the \"Skip to content\" link"];
        var problems = new List<string>();
        if (!first.GetProperty("onScreen").GetBoolean()) problems.Add("the focused \"Skip to content\" link is not shown on screen");

        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName.toLowerCase()");
        if (focused != "main-content") problems.Add($"Enter on \"Skip to content\" left the focus on {focused}, not on the main content");
        if (page.Url != url) problems.Add($"Enter on \"Skip to content\" navigated to {page.Url}");
        return problems;
    }
}
