// The one thin bridge from Blazor to ApexCharts (the npm package, copied to lib/apexcharts at build).
// .NET sends plain option objects; functions cannot cross the bridge, so axis and tooltip formats are
// chosen by name (see formatters) and resolved here.
/* global ApexCharts */

const formatters = {
  // Three significant digits, no exponent for everyday magnitudes.
  number: v => (v === null || v === undefined || Number.isNaN(v)) ? '' : Math.abs(v) >= 1000 || Math.abs(v) < 0.01 && v !== 0 ? Number(v).toExponential(2) : Number(v).toPrecision(3).replace(/\.?0+$/, ''),
  percent: v => `${(v * 100).toFixed(1)} %`,
  integer: v => Number(v).toFixed(0),
  // log10 values drawn on a linear axis, labelled in real units.
  log10: v => { const x = 10 ** v; return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toPrecision(1); },
  time: v => new Date(v).toLocaleTimeString(),
  datetime: v => new Date(v).toLocaleString(),
};

// Replaces every "formatter": "<name>" in the options with the named function.
function resolve(value) {
  if (Array.isArray(value)) return value.map(resolve);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'formatter' && typeof v === 'string' ? (formatters[v] ?? formatters.number) : resolve(v);
  }
  return out;
}

const defaults = {
  chart: { background: 'transparent', foreColor: '#ccc', animations: { enabled: false }, fontFamily: 'Roboto, Arial, sans-serif' },
  theme: { mode: 'dark' },
};

function merge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b ?? {})) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && a?.[k] && typeof a[k] === 'object' ? merge(a[k], v) : v;
  }
  return out;
}

export function render(element, options, dotnet) {
  const resolved = merge(defaults, resolve(options));
  if (dotnet) {
    // Clicks on a data point go back to .NET as (series index, point index).
    resolved.chart.events = {
      ...(resolved.chart.events ?? {}),
      dataPointSelection: (_e, _ctx, cfg) => dotnet.invokeMethodAsync('OnPointSelected', cfg.seriesIndex, cfg.dataPointIndex),
    };
  }
  const chart = new ApexCharts(element, resolved);
  chart.render();
  element.dataset.rendered = 'true';
  return {
    // updateOptions, not updateSeries: ApexCharts 5 keeps the first render's axes on updateSeries.
    update: o => chart.updateOptions(resolve(o), false, false),
    append: (seriesIndex, points) => {
      const series = chart.w.config.series.map((s, i) => i === seriesIndex ? { ...s, data: [...s.data, ...points] } : s);
      chart.updateOptions({ series }, false, false);
    },
    destroy: () => chart.destroy(),
  };
}
