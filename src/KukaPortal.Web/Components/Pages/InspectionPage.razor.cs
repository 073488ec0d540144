using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Inspection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Components.Pages;

/// <summary>
/// An inspection station's scored images: the latest or the worst, filtered by verdict, range and label, paged
/// in the database; choosing one shows its four panels. The grid follows new images (the hub's push is a hint to
/// read the database again) until the user chooses an image or turns the page; from then on it holds still and
/// counts what arrived, like the live score chart, and "Show latest" goes back to following.
/// </summary>
public partial class InspectionPage
{
    private Asset? _asset;
    private InspectionImageQuery _query = new(0);
    private InspectionImagePage _page = new([], 0);
    private IReadOnlyList<string> _labels = [];
    private InspectionImageRow? _selected;
    private bool _paused;
    private int _newImages;

    [Parameter] public int AssetId { get; set; }

    /// <summary>?run=R&amp;window=W opens that image (links from the asset page and alarms).</summary>
    [SupplyParameterFromQuery(Name = "run")] public Guid? Run { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public int? Window { get; set; }

    [Inject] private IDbContextFactory<PortalDbContext> DbFactory { get; set; } = default!;
    [Inject] private InspectionImageReader Reader { get; set; } = default!;

    private int PageCount => (_page.Total + _query.PageSize - 1) / _query.PageSize;

    private string Status => _page.Total switch
    {
        0 => "No images.",
        1 => "1 image.",
        var n => $"{n} images; page {_query.Page + 1} of {PageCount}.",
    };

    private string PausedText => _newImages == 1 ? "Paused — 1 new image" : $"Paused — {_newImages} new images";

    protected override async Task OnParametersSetAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
            _asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AssetId);
        if (_asset?.Kind != AssetKind.InspectionStation) return;

        _query = _query with { AssetId = AssetId };
        _labels = await Reader.LabelsAsync(AssetId, CancellationToken.None);
        if (Run is { } run && Window is { } window && await Reader.FindAsync(AssetId, run, window, CancellationToken.None) is { } linked)
        {
            _selected = linked;
            _paused = true;
        }
        await ReadAsync();
    }

    private async Task ReadAsync() => _page = await Reader.ReadAsync(_query, CancellationToken.None);

    private Task SetOrderAsync(InspectionOrder order) => FilterAsync(_query with { Order = order, Page = 0 });
    private Task SetVerdictAsync(InspectionVerdict verdict) => FilterAsync(_query with { Verdict = verdict, Page = 0 });
    private Task SetRangeAsync(InspectionRange range) => FilterAsync(_query with { Range = range, Page = 0 });
    private Task SetLabelAsync(string? label) => FilterAsync(_query with { Label = string.IsNullOrEmpty(label) ? null : label, Page = 0 });

    private async Task SetPageAsync(int page)
    {
        _query = _query with { Page = page - 1 };
        // An older page is a look back: hold it still.
        if (_query.Page > 0) _paused = true;
        await ReadAsync();
    }

    private async Task FilterAsync(InspectionImageQuery query)
    {
        _query = query;
        await ReadAsync();
    }

    private Task SelectAsync(InspectionImageRow image)
    {
        _selected = image;
        _paused = true;
        return Task.CompletedTask;
    }

    /// <summary>Back to following: the first page of the current order and filters, read now.</summary>
    private async Task ResumeAsync()
    {
        _paused = false;
        _newImages = 0;
        _query = _query with { Page = 0 };
        await ReadAsync();
    }

    private async Task OnImagesScoredAsync(int count)
    {
        if (_paused)
        {
            _newImages += count;
        }
        else
        {
            await ReadAsync();
            // A new image may carry a label not seen before.
            _labels = await Reader.LabelsAsync(AssetId, CancellationToken.None);
        }
        StateHasChanged();
    }
}
