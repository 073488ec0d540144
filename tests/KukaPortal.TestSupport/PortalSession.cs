using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;

namespace KukaPortal.TestSupport;

/// <summary>A signed-in user of a test portal: an HttpClient with their cookie, and hub connections on their behalf.</summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly PortalFactory? _portal;
    private readonly CookieContainer _cookies = new();

    private PortalSession(PortalFactory portal)
    {
        _portal = portal;
        Client = portal.CreateDefaultClient(new CookieContainerHandler(_cookies));
    }

    /// <summary>A session over real HTTP, for a portal listening on a Kestrel port.</summary>
    private PortalSession(Uri baseAddress) =>
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = baseAddress };

    public HttpClient Client { get; }

    /// <summary>This user's cookies as a Cookie header, for clients the session does not create (a benchmark's hub connections).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(Client.BaseAddress!);

    /// <summary>Signs in through the real login form (antiforgery token and all).</summary>
    public static Task<PortalSession> SignInAsync(PortalFactory portal, string email, string password) =>
        SignInAsync(new PortalSession(portal), email, password);

    /// <summary>Signs in over real HTTP to a portal on a Kestrel port (<see cref="CreateHubConnection"/> is for the test server only).</summary>
    public static Task<PortalSession> SignInAsync(Uri baseAddress, string email, string password) =>
        SignInAsync(new PortalSession(baseAddress), email, password);

    private static async Task<PortalSession> SignInAsync(PortalSession session, string email, string password)
    {
        var form = await session.Client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await session.Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (session._cookies.GetCookies(session.Client.BaseAddress!).All(c => !c.Name.Contains("Identity")))
        {
            var page = await response.Content.ReadAsStringAsync();
            var error = LoginError().Match(page).Groups[1].Value;
            throw new InvalidOperationException($"Sign-in as {email} failed ({(int)response.StatusCode}): {(error.Length > 0 ? error : page[..Math.Min(page.Length, 6000)])}");
        }
        return session;
    }

    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Client.BaseAddress!, "/hubs/monitoring"), options =>
            {
                // The in-memory test server speaks long polling; the cookie is this user's.
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => (_portal ?? throw new InvalidOperationException("This session talks to a Kestrel port; connect to its hub directly.")).Server.CreateHandler();
                options.Headers["Cookie"] = _cookies.GetCookieHeader(Client.BaseAddress!);
            })
            .Build();

    public async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("class=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
