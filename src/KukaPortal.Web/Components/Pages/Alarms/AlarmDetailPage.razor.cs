using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Components.Alarms;
using KukaPortal.Web.Inspection;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Components.Pages.Alarms;

/// <summary>One alarm: its header, score trace, worst window and full history, with the same actions as the list.</summary>
public partial class AlarmDetailPage
{
    private AlarmDetail? _detail;
    private object _traceOptions = new { };
    private bool _loading = true;

    /// <summary>The worst window's image when the alarm is an inspection station's: shown instead of a window reconstruction.</summary>
    private InspectionImageRow? _worstImage;

    [Parameter] public long AlarmId { get; set; }
    [Inject] private AlarmDetailReader Reader { get; set; } = default!;
    [Inject] private InspectionImageReader Images { get; set; } = default!;

    private string TraceSummary => _detail is null ? "" :
        $"{_detail.Trace.Count(p => p.Calibrated >= 1)} of {_detail.Trace.Count} windows shown are above the threshold; the peak is {_detail.Alarm.PeakCalibrated:F2}× the threshold.";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _detail = await Reader.ReadAsync(AlarmId, CancellationToken.None);
        _traceOptions = _detail is null ? new { } : AlarmTraceChart.Options(_detail);
        _worstImage = _detail?.Worst is { } worst
            ? await Images.FindAsync(_detail.Alarm.AssetId, worst.RunId, worst.WindowIndex, CancellationToken.None)
            : null;
        _loading = false;
    }

    private async Task OnAlarmsChangedAsync(long[] alarmIds)
    {
        // An empty list means the feed reconnected and anything may have changed.
        if (alarmIds.Length > 0 && !alarmIds.Contains(AlarmId)) return;
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private static string Kind(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.ReturnedToNormal => "Condition cleared",
        AlarmEventKind.RemovedFromService => "Removed from service",
        AlarmEventKind.ReturnedToService => "Returned to service",
        AlarmEventKind.PriorityChanged => "Priority changed",
        _ => kind.ToString(),
    };
}
