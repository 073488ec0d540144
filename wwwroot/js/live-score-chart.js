// Live score chart for one asset: ApexCharts drawing, SignalR feeding it. The push is only a hint:
// on every (re)connect the chart asks the server for all windows after the last sequence it holds.
/* global ApexCharts, signalR */

const maxPoints = 5000;
const floor = 0.001;
const label = v => v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(1);

export async function start(element, assetId, dotnet) {
  const points = new Map(); // sequence -> point, so catch-up and push may overlap without duplicates
  let lastSequence = 0;

  // Created with the first windows, so that its axes come from data.
  let chart = null;
  const options = data => ({
    chart: {
      type: 'line', height: 320, animations: { enabled: false }, toolbar: { show: true }, zoom: { enabled: true }, foreColor: '#ccc',
      // A click on a point opens that window's reconstruction; the point carries its run and window index.
      events: { dataPointSelection: (_e, _c, cfg) => select(cfg.dataPointIndex), click: (_e, _c, cfg) => select(cfg.dataPointIndex) },
    },
    markers: { size: 0, hover: { size: 5 } },
    theme: { mode: 'dark' },
    series: [{ name: 'Score / threshold', data }],
    stroke: { width: 2 },
    xaxis: { type: 'numeric', title: { text: 'Window (asset sequence)' } },
    // Anomalies reach hundreds of times the threshold while normal windows sit well below it: only a
    // log scale shows both. ApexCharts' own log axis misdraws streamed data, so the chart plots
    // log10(score / threshold) on a linear axis and labels it in real units; the threshold is at 0.
    yaxis: { title: { text: 'Score / threshold (log scale)' }, labels: { formatter: v => label(10 ** v) }, forceNiceScale: true },
    annotations: { yaxis: [{ y: 0, borderColor: '#ff5252', strokeDashArray: 4, label: { text: 'Threshold', style: { background: '#ff5252', color: '#fff' } } }] },
    tooltip: { x: { formatter: v => `Window #${v}` }, y: { formatter: v => `${label(10 ** v)} × threshold` } },
  });

  function select(index) {
    const point = chart?.w.config.series[0]?.data[index];
    if (index === undefined || index < 0 || !point || point.runId === undefined) return;
    element.dataset.selectedWindow = `${point.runId}/${point.windowIndex}`;
    dotnet.invokeMethodAsync('OnWindowSelected', point.runId, point.windowIndex);
  }

  // Paused, the chart keeps collecting windows but holds its picture still until resumed.
  let paused = false;
  let latestShown = [];
  function draw(shown) {
    const xaxis = abovePeriods(shown);
    element.dataset.abovePeriods = String(xaxis.length);
    if (chart === null) {
      chart = new ApexCharts(element, { ...options(shown), annotations: { ...options(shown).annotations, xaxis } });
      chart.render();
    } else {
      // updateOptions, not updateSeries: ApexCharts 5 keeps the axes of the first render on updateSeries.
      chart.updateOptions({ series: [{ name: 'Score / threshold', data: shown }], annotations: { ...options([]).annotations, xaxis } }, false, false);
    }
  }

  // Stretches of consecutive windows above the threshold, shaded so that alarm periods stand out.
  function abovePeriods(shown) {
    const periods = [];
    let start = null;
    let previous = null;
    for (const p of shown) {
      if (p.above && start !== null && p.x === previous.x + 1) { previous = p; continue; }
      if (start !== null) periods.push({ x: start.x - 0.5, x2: previous.x + 0.5, fillColor: '#ff5252', opacity: 0.18, borderColor: 'transparent' });
      start = p.above ? p : null;
      previous = p;
    }
    if (start !== null) periods.push({ x: start.x - 0.5, x2: previous.x + 0.5, fillColor: '#ff5252', opacity: 0.18, borderColor: 'transparent' });
    return periods;
  }

  function add(windows) {
    if (!windows || windows.length === 0) return;
    for (const w of windows) {
      if (points.has(w.sequence)) continue;
      // Clamped to a floor so that a perfect reconstruction (score 0) still plots.
      points.set(w.sequence, { x: w.sequence, y: Math.log10(Math.max(w.calibrated, floor)), runId: w.runId, windowIndex: w.windowIndex, above: w.aboveThreshold });
      lastSequence = Math.max(lastSequence, w.sequence);
    }
    const data = [...points.values()].sort((a, b) => a.x - b.x);
    if (data.length > maxPoints) {
      for (const p of data.slice(0, data.length - maxPoints)) points.delete(p.x);
    }
    const shown = data.slice(-maxPoints);
    latestShown = shown;
    if (!paused) draw(shown);
    element.dataset.points = String(points.size);
    element.dataset.lastSequence = String(lastSequence);
    const latest = data[data.length - 1];
    dotnet.invokeMethodAsync('OnWindowsShown', points.size, latest ? 10 ** latest.y : 0);
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect()
    .build();
  // Every message carries the asset's latest sequence: a number beyond what the chart holds means a
  // push was missed (the push is only a hint), so the chart reads the gap from the database.
  connection.on('WindowsScored', async m => {
    if (m.windows.length > 0 && m.windows[0].sequence > lastSequence + 1) await catchUp();
    add(m.windows);
  });
  connection.on('AlarmChanged', m => { catchUpIfBehind(m.sequence); dotnet.invokeMethodAsync('OnAlarmChanged', m.alarmId); });
  connection.on('JobProgress', m => { catchUpIfBehind(m.sequence); dotnet.invokeMethodAsync('OnJobProgress', m); });
  connection.on('ModelChanged', m => { catchUpIfBehind(m.sequence); dotnet.invokeMethodAsync('OnModelChanged', m.modelId); });

  let catchingUp = null;
  function catchUp() {
    catchingUp ??= (async () => {
      let batch;
      do {
        batch = await connection.invoke('GetWindowsSince', assetId, lastSequence);
        add(batch);
      } while (batch.length >= 5000);
    })().finally(() => { catchingUp = null; });
    return catchingUp;
  }
  function catchUpIfBehind(sequence) {
    if (sequence > lastSequence) catchUp();
  }
  // A stream that went quiet ("NoData") or resumed ("Receiving"); kept on the element until the page shows it.
  connection.on('AssetStatus', m => { catchUpIfBehind(m.sequence); element.dataset.streamStatus = m.state; element.title = m.message; });

  async function joinAndCatchUp() {
    await connection.invoke('JoinAsset', assetId);
    // A fresh chart opens with the latest windows, not the asset's whole history.
    if (points.size === 0) add(await connection.invoke('GetLatestWindows', assetId, maxPoints));
    await catchUp();
    element.dataset.connected = 'true';
  }
  connection.onreconnecting(() => { element.dataset.connected = 'false'; });
  connection.onreconnected(joinAndCatchUp);

  await connection.start();
  await joinAndCatchUp();

  return {
    setPaused: value => {
      paused = value;
      element.dataset.paused = String(paused);
      if (!paused) draw(latestShown);
    },
    stop: async () => {
      await connection.stop();
      chart?.destroy();
    },
  };
}
