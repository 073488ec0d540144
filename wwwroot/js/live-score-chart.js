// Live score chart for one asset: ApexCharts drawing, SignalR feeding it. The push is only a hint:
// on every (re)connect the chart asks the server for all windows after the last sequence it holds.
// x is the window's time (UTC from the server, drawn in the browser's local time); the chart keeps the
// last `minutes` before its latest window and shades the alarm periods read from the alarms table.
/* global ApexCharts, signalR */

// A cap on top of the time range: an asset scored very fast could fill an hour with more points than
// ApexCharts redraws smoothly.
const maxPoints = 5000;
const catchUpLimit = 5000;
const floor = 0.001;
const minute = 60_000;
const label = v => v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(1);

// Alarm shading: what still needs an operator stands out; hidden alarms (shelved, out of service,
// suppressed by design) are drawn, but grey.
const colours = { unacknowledged: '#ff5252', acknowledged: '#ffb74d', hidden: '#9e9e9e' };
const hiddenStates = new Set(['Shelved', 'OutOfService', 'SuppressedByDesign']);

export async function start(element, assetId, minutes, dotnet) {
  const points = new Map(); // sequence -> point, so catch-up and push may overlap without duplicates
  let lastSequence = 0;
  let rangeMs = minutes * minute;
  let periods = [];
  let chart = null;
  // Paused (by the switch, or by zooming or panning), the chart keeps collecting windows but holds its
  // picture still; `pending` counts what it will draw on resume.
  let paused = false;
  let pending = 0;
  let shown = [];

  const thresholdLine = { y: 0, borderColor: '#ff5252', strokeDashArray: 4, label: { text: 'Threshold', style: { background: '#ff5252', color: '#fff' } } };
  const options = (data, shading) => ({
    chart: {
      type: 'line', height: 320, animations: { enabled: false }, toolbar: { show: true }, zoom: { enabled: true, type: 'x' }, foreColor: '#ccc',
      events: {
        // A click on a point opens that window's reconstruction; the point carries its run and window index.
        dataPointSelection: (_e, _c, cfg) => select(cfg.dataPointIndex),
        click: (_e, _c, cfg) => select(cfg.dataPointIndex),
        // Looking closer at the past stops the live follow, or new windows would pull the view away.
        // A reset of the zoom reports no range and does not pause.
        zoomed: (_c, range) => { if (range?.xaxis?.min !== undefined) pauseByZoom(); },
        scrolled: () => pauseByZoom(),
      },
    },
    markers: { size: 0, hover: { size: 5 } },
    theme: { mode: 'dark' },
    series: [{ name: 'Score / threshold', data }],
    stroke: { width: 2 },
    xaxis: { type: 'datetime', labels: { datetimeUTC: false }, title: { text: 'Time (local)' } },
    // Anomalies reach hundreds of times the threshold while normal windows sit well below it: only a
    // log scale shows both. ApexCharts' own log axis misdraws streamed data, so the chart plots
    // log10(score / threshold) on a linear axis and labels it in real units; the threshold is at 0.
    yaxis: { title: { text: 'Score / threshold (log scale)' }, labels: { formatter: v => label(10 ** v) }, forceNiceScale: true },
    annotations: { yaxis: [thresholdLine], xaxis: shading },
    tooltip: { x: { formatter: v => new Date(v).toLocaleString() }, y: { formatter: v => `${label(10 ** v)} × threshold` } },
  });

  function select(index) {
    const point = chart?.w.config.series[0]?.data[index];
    if (index === undefined || index < 0 || !point || point.runId === undefined) return;
    element.dataset.selectedWindow = `${point.runId}/${point.windowIndex}`;
    dotnet.invokeMethodAsync('OnWindowSelected', point.runId, point.windowIndex);
  }

  function pauseByZoom() {
    if (paused) return;
    paused = true;
    pending = 0;
    element.dataset.paused = 'true';
    dotnet.invokeMethodAsync('OnPausedByZoom');
  }

  // The alarm periods clipped to the drawn time span; an alarm still on reaches the latest window.
  function shading(data) {
    if (data.length === 0) return [];
    const minX = data[0].x;
    const maxX = data[data.length - 1].x;
    return periods.flatMap(p => {
      const from = Date.parse(p.raisedAt);
      const to = p.clearedAt ? Date.parse(p.clearedAt) : maxX;
      if (from > maxX || to < minX) return [];
      const colour = hiddenStates.has(p.state) ? colours.hidden : p.acknowledged ? colours.acknowledged : colours.unacknowledged;
      return [{ x: Math.max(from, minX), x2: Math.min(Math.max(to, from), maxX), fillColor: colour, opacity: 0.22, borderColor: colour }];
    });
  }

  function draw() {
    // Created with the first windows, so that its axes come from data.
    if (chart === null && shown.length === 0) return;
    const xaxis = shading(shown);
    element.dataset.alarmPeriods = String(xaxis.length);
    if (chart === null) {
      chart = new ApexCharts(element, options(shown, xaxis));
      chart.render();
    } else {
      // updateOptions, not updateSeries: ApexCharts 5 keeps the axes of the first render on updateSeries.
      chart.updateOptions({ series: [{ name: 'Score / threshold', data: shown }], annotations: { yaxis: [thresholdLine], xaxis } }, false, false);
    }
  }

  // Keeps the points of the range before the latest window (and at most maxPoints), oldest first.
  function trim() {
    const data = [...points.values()].sort((a, b) => a.x - b.x || a.sequence - b.sequence);
    const latest = data.length > 0 ? data[data.length - 1].x : 0;
    const first = Math.max(data.findIndex(p => p.x >= latest - rangeMs), data.length - maxPoints, 0);
    for (const p of data.slice(0, first)) points.delete(p.sequence);
    return data.slice(first);
  }

  function add(windows) {
    if (!windows || windows.length === 0) return;
    let added = 0;
    for (const w of windows) {
      lastSequence = Math.max(lastSequence, w.sequence);
      if (points.has(w.sequence)) continue;
      // Clamped to a floor so that a perfect reconstruction (score 0) still plots.
      points.set(w.sequence, { x: Date.parse(w.at), y: Math.log10(Math.max(w.calibrated, floor)), sequence: w.sequence, runId: w.runId, windowIndex: w.windowIndex });
      added++;
    }
    show(added);
  }

  function show(added) {
    shown = trim();
    element.dataset.points = String(points.size);
    element.dataset.lastSequence = String(lastSequence);
    if (paused) {
      pending += added;
      if (added > 0) dotnet.invokeMethodAsync('OnPendingWindows', pending);
      return;
    }
    draw();
    const latest = shown[shown.length - 1];
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
  // The alarm message is the cue to re-read the periods: the table, not the message, says when each one ran.
  connection.on('AlarmChanged', m => { catchUpIfBehind(m.sequence); readPeriods().catch(e => console.warn('Alarm periods not re-read', e)); dotnet.invokeMethodAsync('OnAlarmChanged', m.alarmId); });
  connection.on('JobProgress', m => { catchUpIfBehind(m.sequence); dotnet.invokeMethodAsync('OnJobProgress', m); });
  connection.on('ModelChanged', m => { catchUpIfBehind(m.sequence); dotnet.invokeMethodAsync('OnModelChanged', m.modelId); });

  let catchingUp = null;
  function catchUp() {
    catchingUp ??= (async () => {
      let batch;
      do {
        batch = await connection.invoke('GetWindowsSince', assetId, lastSequence);
        add(batch);
      } while (batch.length >= catchUpLimit);
    })().finally(() => { catchingUp = null; });
    return catchingUp;
  }
  function catchUpIfBehind(sequence) {
    if (sequence > lastSequence) catchUp();
  }
  // A stream that went quiet ("NoData") or resumed ("Receiving"); kept on the element until the page shows it.
  connection.on('AssetStatus', m => { catchUpIfBehind(m.sequence); element.dataset.streamStatus = m.state; element.title = m.message; });

  async function readPeriods() {
    const from = shown.length > 0 ? shown[0].x : Date.now() - rangeMs;
    periods = await connection.invoke('GetAlarmPeriods', assetId, new Date(from).toISOString());
    if (!paused) draw();
  }

  // Opens (or re-opens) the range from the database: downsampled when it holds many windows.
  async function readRange() {
    const recent = await connection.invoke('GetRecentWindows', assetId, rangeMs / minute);
    points.clear();
    periods = recent.alarmPeriods;
    lastSequence = 0;
    add(recent.windows);
    lastSequence = Math.max(lastSequence, recent.sequence);
    element.dataset.range = String(rangeMs / minute);
    element.dataset.downsampled = String(recent.windows.length < recent.stored);
    if (points.size === 0) show(0);
  }

  async function joinAndCatchUp() {
    await connection.invoke('JoinAsset', assetId);
    if (points.size === 0) await readRange();
    await catchUp();
    element.dataset.connected = 'true';
  }
  connection.onreconnecting(() => { element.dataset.connected = 'false'; });
  connection.onreconnected(joinAndCatchUp);

  await connection.start();
  await joinAndCatchUp();

  // A fresh chart: drops any zoom or pan, which updateOptions would keep.
  function redrawFromScratch() {
    chart?.destroy();
    chart = null;
    draw();
  }

  return {
    setPaused: value => {
      paused = value;
      pending = 0;
      element.dataset.paused = String(paused);
      if (!paused) { redrawFromScratch(); catchUp(); }
    },
    setRange: async value => {
      rangeMs = value * minute;
      await readRange();
      await catchUp();
      // The user asked for this picture: draw it even while paused.
      if (paused) { pending = 0; redrawFromScratch(); dotnet.invokeMethodAsync('OnPendingWindows', 0); }
    },
    stop: async () => {
      await connection.stop();
      chart?.destroy();
    },
  };
}
