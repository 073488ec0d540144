using KukaPortal.Data;
using KukaPortal.Data.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Components.Pages;

public partial class AuditPage
{
    private const int PageSize = 50;

    [Inject] private AuditTrailReader Reader { get; set; } = default!;
    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private List<(int Id, string Name)> _assets = [];
    private AuditTrailPage _page = new([], 0);
    private int? _assetId;
    private AuditCategory? _category;
    private string? _user;
    private int _days = 7;
    private int _pageIndex;
    private bool _loading;
    private string? _problem;

    private int PageCount => Math.Max(1, (int)Math.Ceiling(_page.Total / (double)PageSize));

    protected override async Task OnInitializedAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
            _assets = (await db.Assets.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
                .Select(a => (a.Id, a.Name)).ToList();
        await LoadAsync();
    }

    private async Task ApplyAsync(Action change)
    {
        change();
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = page;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _page = await Reader.ReadAsync(new AuditTrailQuery
            {
                AssetId = _assetId, Category = _category, User = _user,
                From = _days > 0 ? Time.GetUtcNow().AddDays(-_days) : null,
                Page = _pageIndex, PageSize = PageSize,
            }, CancellationToken.None);
            _problem = null;
        }
        catch (ArgumentException e)
        {
            _problem = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }
}
