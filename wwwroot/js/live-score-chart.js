// Live score chart for one asset: ApexCharts drawing, SignalR feeding it. The push is only a hint:
// on every (re)connect the chart asks the server for all windows after the last sequence it holds.
/* global ApexCharts, signalR */

const maxPoints = 5000;

export async function start(element, assetId, dotnet) {
  const points = new Map(); // sequence -> point, so catch-up and push may overlap without duplicates
  let lastSequence = 0;

  const chart = new ApexCharts(element, {
    chart: { type: 'line', height: 320, animations: { enabled: false }, toolbar: { show: true }, zoom: { enabled: true }, foreColor: '#ccc' },
    theme: { mode: 'dark' },
    series: [{ name: 'Score / threshold', data: [] }],
    stroke: { width: 2 },
    xaxis: { type: 'numeric', title: { text: 'Window (asset sequence)' } },
    yaxis: { min: 0, title: { text: 'Calibrated score' }, labels: { formatter: v => v.toFixed(2) } },
    annotations: { yaxis: [{ y: 1, borderColor: '#ff5252', strokeDashArray: 4, label: { text: 'Threshold', style: { background: '#ff5252', color: '#fff' } } }] },
    tooltip: { x: { formatter: v => `Window #${v}` } },
    noData: { text: 'No windows scored yet' },
  });
  await chart.render();

  function add(windows) {
    if (!windows || windows.length === 0) return;
    for (const w of windows) {
      if (points.has(w.sequence)) continue;
      points.set(w.sequence, { x: w.sequence, y: w.calibrated });
      lastSequence = Math.max(lastSequence, w.sequence);
    }
    const data = [...points.values()].sort((a, b) => a.x - b.x);
    if (data.length > maxPoints) {
      for (const p of data.slice(0, data.length - maxPoints)) points.delete(p.x);
    }
    chart.updateSeries([{ name: 'Score / threshold', data: data.slice(-maxPoints) }], false);
    element.dataset.points = String(points.size);
    element.dataset.lastSequence = String(lastSequence);
    const latest = data[data.length - 1];
    dotnet.invokeMethodAsync('OnWindowsShown', points.size, latest ? latest.y : 0);
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect()
    .build();
  connection.on('WindowsScored', m => add(m.windows));
  connection.on('AlarmChanged', m => dotnet.invokeMethodAsync('OnAlarmChanged', m.alarmId));
  connection.on('JobProgress', m => dotnet.invokeMethodAsync('OnJobProgress', m));
  connection.on('ModelChanged', m => dotnet.invokeMethodAsync('OnModelChanged', m.modelId));

  async function joinAndCatchUp() {
    await connection.invoke('JoinAsset', assetId);
    let batch;
    do {
      batch = await connection.invoke('GetWindowsSince', assetId, lastSequence);
      add(batch);
    } while (batch.length >= 5000);
    element.dataset.connected = 'true';
  }
  connection.onreconnecting(() => { element.dataset.connected = 'false'; });
  connection.onreconnected(joinAndCatchUp);

  await connection.start();
  await joinAndCatchUp();

  return {
    stop: async () => {
      await connection.stop();
      chart.destroy();
    },
  };
}
