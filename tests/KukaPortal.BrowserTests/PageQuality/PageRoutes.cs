using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.BrowserTests.PageQuality;

/// <summary>
/// Every page of the portal and the address that opens it on the seeded asset. The table must name exactly
/// the routes the Web assembly declares (found by reflection), so a new page fails the quality journey until
/// it is listed here, and so checked.
/// </summary>
public static class PageRoutes
{
    public static readonly IReadOnlyDictionary<string, Func<SeededAsset, string>> Addresses = new Dictionary<string, Func<SeededAsset, string>>
    {
        ["/account/login"] = _ => "/account/login",
        ["/account/denied"] = _ => "/account/denied",
        ["/error"] = _ => "/error",
        ["/"] = _ => "/",
        ["/floor"] = _ => "/floor",
        ["/assets/{AssetId:int}"] = s => $"/assets/{s.AssetId}",
        // With an image chosen, so its panels are checked too.
        ["/assets/{AssetId:int}/inspection"] = s => $"/assets/{s.Station.AssetId}/inspection?run={s.StationRunId}&window=0",
        ["/assets/{AssetId:int}/data"] = s => $"/assets/{s.AssetId}/data",
        ["/assets/{AssetId:int}/training"] = s => $"/assets/{s.AssetId}/training",
        ["/assets/{AssetId:int}/models"] = s => $"/assets/{s.AssetId}/models",
        ["/assets/{AssetId:int}/history"] = s => $"/assets/{s.AssetId}/history",
        ["/assets/{AssetId:int}/settings"] = s => $"/assets/{s.AssetId}/settings",
        ["/alarms"] = _ => "/alarms",
        ["/alarms/{AlarmId:long}"] = s => $"/alarms/{s.AlarmId}",
        ["/history"] = _ => "/history",
        ["/admin/users"] = _ => "/admin/users",
        ["/audit"] = _ => "/audit",
    };

    /// <summary>The route templates of every routable component in KukaPortal.Web.</summary>
    public static IReadOnlyList<string> Declared() => typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Order(StringComparer.Ordinal)
        .ToList();
}
