using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Security;

public sealed class SignInLimitOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Sign-in posts one client address may make per minute. Identity's lockout (5 wrong passwords) protects one
    /// account; this stops one machine from trying passwords across many accounts.
    /// </summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

/// <summary>Rate-limits the sign-in form's posts per client address; everything else passes untouched.</summary>
public static class SignInRateLimit
{
    public const string SignInPath = "/account/login";

    public static WebApplicationBuilder AddSignInRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section)
            .Validate(o => o.SignInAttemptsPerMinute > 0, "Security:SignInAttemptsPerMinute must be at least 1.");
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("not a sign-in"));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Too many sign-in attempts from this address. Wait a minute, then try again.", ct);
            };
        });
        return builder;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);
}
