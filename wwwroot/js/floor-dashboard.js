// Floor dashboard: one hub connection for every tile, one ApexCharts sparkline per tile, drawn here
// without a Blazor render per window. Alarm, model and stream events go back to .NET, which re-reads
// the tiles from the database (the push is a hint; the database is the truth). Built to run unattended:
// it reconnects forever, catches up every sparkline after a reconnect, and marks the root element with
// data-connection so the page's banner and stale styling show even when the Blazor circuit is down too.
/* global ApexCharts, signalR */

const floor = 0.001; // log10 of a perfect reconstruction (score 0) would be -Infinity
const catchUpLimit = 5000; // MonitoringHub.CatchUpLimit

// Retry forever, backing off to 30 s: a wall screen has nobody to press reload.
const retryForever = { nextRetryDelayInMilliseconds: ctx => Math.min(30_000, 1_000 * 2 ** Math.min(ctx.previousRetryCount, 5)) };

export async function start(root, assetIds, dotnet, options) {
  const maxPoints = options.points;
  const tiles = new Map(); // assetId -> { points: Map(sequence -> point), lastSequence, chart, element }
  let stopped = false;

  const setConnection = state => { root.dataset.connection = state; };
  const notify = (method, ...args) => dotnet.invokeMethodAsync(method, ...args).catch(() => { /* circuit gone; the page reloads when it returns */ });

  function tile(assetId) {
    let t = tiles.get(assetId);
    if (!t) {
      t = { points: new Map(), lastSequence: 0, chart: null, element: null, dirty: false };
      tiles.set(assetId, t);
    }
    return t;
  }

  // Each sparkline plots log10(score / threshold), so the threshold (1.0) is the flat line at 0.
  function sparkOptions(data) {
    return {
      chart: { type: 'line', height: 72, sparkline: { enabled: true }, animations: { enabled: false }, background: 'transparent' },
      theme: { mode: 'dark' },
      series: [{ name: 'Score / threshold', data }, { name: 'Threshold', data: threshold(data) }],
      stroke: { width: [2, 1], dashArray: [0, 4] },
      colors: ['#ffffff', '#ffe082'], // yellow threshold: visible on every tile colour
      tooltip: { enabled: false },
    };
  }
  const threshold = data => data.length === 0 ? [] : [{ x: data[0].x, y: 0 }, { x: data[data.length - 1].x, y: 0 }];

  function add(assetId, windows) {
    if (!windows || windows.length === 0) return;
    const t = tile(assetId);
    for (const w of windows) {
      if (t.points.has(w.sequence)) continue;
      t.points.set(w.sequence, { x: w.sequence, y: Math.log10(Math.max(w.calibrated, floor)) });
      t.lastSequence = Math.max(t.lastSequence, w.sequence);
    }
    if (t.points.size > maxPoints) {
      const keep = [...t.points.keys()].sort((a, b) => a - b).slice(-maxPoints);
      const kept = new Map(keep.map(k => [k, t.points.get(k)]));
      t.points = kept;
    }
    t.dirty = true;
    scheduleDraw();
  }

  // Draws at most once per animation frame, however many pushes arrived for however many tiles.
  let drawQueued = false;
  function scheduleDraw() {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(() => { drawQueued = false; draw(); });
  }
  function draw() {
    for (const [assetId, t] of tiles) {
      if (!t.dirty) continue;
      const element = root.querySelector(`[data-spark="${assetId}"]`);
      if (!element) continue; // the tile is not rendered (yet)
      t.dirty = false;
      const data = [...t.points.values()].sort((a, b) => a.x - b.x);
      if (t.chart === null || t.element !== element) {
        t.chart?.destroy();
        t.element = element;
        t.chart = new ApexCharts(element, sparkOptions(data));
        t.chart.render();
      } else {
        // updateOptions, not updateSeries: ApexCharts 5 keeps the axes of the first render on updateSeries.
        t.chart.updateOptions({ series: [{ name: 'Score / threshold', data }, { name: 'Threshold', data: threshold(data) }] }, false, false);
      }
      element.dataset.points = String(data.length);
      element.dataset.lastSequence = String(t.lastSequence);
    }
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect(retryForever)
    .build();

  const catchingUp = new Map();
  function catchUp(assetId) {
    if (catchingUp.has(assetId)) return catchingUp.get(assetId);
    const work = (async () => {
      const t = tile(assetId);
      if (t.points.size === 0) add(assetId, await connection.invoke('GetLatestWindows', assetId, maxPoints));
      let batch;
      do {
        batch = await connection.invoke('GetWindowsSince', assetId, t.lastSequence);
        add(assetId, batch);
      } while (batch.length >= catchUpLimit);
    })().finally(() => catchingUp.delete(assetId));
    catchingUp.set(assetId, work);
    return work;
  }
  // Every message carries the asset's latest sequence: beyond what the tile holds means a missed push.
  function catchUpIfBehind(assetId, sequence) {
    if (sequence > tile(assetId).lastSequence) catchUp(assetId).catch(() => {});
  }

  connection.on('WindowsScored', async m => {
    const t = tile(m.assetId);
    if (m.windows.length > 0 && m.windows[0].sequence > t.lastSequence + 1) await catchUp(m.assetId).catch(() => {});
    add(m.assetId, m.windows);
  });
  connection.on('AlarmChanged', m => { catchUpIfBehind(m.assetId, m.sequence); notify('OnAssetEvent', m.assetId, 'AlarmChanged', null); });
  connection.on('ModelChanged', m => { catchUpIfBehind(m.assetId, m.sequence); notify('OnAssetEvent', m.assetId, 'ModelChanged', null); });
  connection.on('AssetStatus', m => { catchUpIfBehind(m.assetId, m.sequence); notify('OnAssetEvent', m.assetId, 'AssetStatus', m.state); });
  connection.on('JobProgress', () => { /* not shown on the floor */ });

  let watched = [...assetIds];
  async function joinAndCatchUp(ids) {
    for (const id of ids) await connection.invoke('JoinAsset', id);
    await Promise.all(ids.map(id => catchUp(id)));
  }

  connection.onreconnecting(() => setConnection('reconnecting'));
  connection.onreconnected(async () => {
    setConnection('connected');
    notify('OnReconnected');
    await joinAndCatchUp(watched).catch(() => {});
  });
  // Automatic reconnect never gives up with retryForever, but a failed first start does not reconnect:
  // keep trying, so a screen switched on while the server is down still comes up by itself.
  connection.onclose(() => { if (!stopped) { setConnection('reconnecting'); connectForever(); } });

  async function connectForever() {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await connection.start();
        setConnection('connected');
        await joinAndCatchUp(watched);
        return;
      } catch {
        setConnection('reconnecting');
        await new Promise(r => setTimeout(r, retryForever.nextRetryDelayInMilliseconds({ previousRetryCount: attempt })));
      }
    }
  }
  connectForever(); // not awaited: the page must not wait (JS interop calls time out) while the server is unreachable

  return {
    // The page's asset list changed: join the new assets' groups and draw their sparklines.
    watch: async ids => {
      const added = ids.filter(id => !watched.includes(id));
      watched = [...ids];
      for (const [id, t] of tiles) if (!ids.includes(id)) { t.chart?.destroy(); tiles.delete(id); }
      if (connection.state === signalR.HubConnectionState.Connected) await joinAndCatchUp(added).catch(() => {});
      for (const t of tiles.values()) t.dirty = true;
      scheduleDraw();
    },
    stop: async () => {
      stopped = true;
      await connection.stop();
      for (const t of tiles.values()) t.chart?.destroy();
    },
  };
}
