/**
 * Draws the compliance charts: every `<canvas data-chart>` on the page, from the ChartSpec in the attribute.
 * Chart.js is registered piecemeal (bars, the requirement line, two scales, legend and tooltip) so the
 * bundle carries only what these charts use. Loaded only by ComplianceChart.astro.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
// Types only: the spec's module pulls in the rules engine, which the browser does not need.
import type { ChartSpec } from '../site/compliance/chart-spec.ts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** The requirement's bar: an outline in the rule's colour around a pale fill, unlike any count's solid bar. */
const REQUIRED_FILL = 'rgba(161, 40, 31, 0.12)';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function draw(canvas: HTMLCanvasElement): Chart {
  const spec = JSON.parse(canvas.dataset.chart ?? '{}') as ChartSpec;
  // The page's own Chinese font stack, so that labels look like the table beside the chart.
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#1f2328';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [
        ...spec.bars.map((bar) => ({
          type: 'bar' as const,
          label: bar.label,
          data: bar.values,
          backgroundColor: bar.color,
          borderColor: bar.color,
          order: 2,
        })),
        // One requirement for all reads as a dashed line across the chart; a requirement per bar group (each
        // person's own, each month's sum) as a bar of its own beside the count, which a line between
        // groups would misstate and a single group would not show at all.
        spec.required.values
          ? {
              type: 'bar' as const,
              label: spec.required.label,
              data: spec.required.values,
              backgroundColor: REQUIRED_FILL,
              borderColor: spec.required.color,
              borderWidth: 2,
              order: 2,
            }
          : {
              type: 'line' as const,
              label: spec.required.label,
              data: spec.labels.map(() => spec.required.value),
              borderColor: spec.required.color,
              backgroundColor: spec.required.color,
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 0,
              order: 1,
            },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion.matches
        ? false
        : { duration: 400, onComplete: () => (canvas.dataset.settled = 'true') },
      scales: {
        x: { grid: { display: false } },
        y: {
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: spec.yTitle },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { mode: 'index', intersect: false },
      },
    },
  });
}

const charts = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].map((canvas) => {
  const chart = draw(canvas);
  // Says that the chart was drawn, and how, and (once any animation is over) that it is still: the browser
  // tests read these instead of waiting a fixed time.
  canvas.dataset.drawn = reducedMotion.matches ? 'still' : 'animated';
  if (reducedMotion.matches) canvas.dataset.settled = 'true';
  return chart;
});

// A reader who turns motion off while the page is open gets still charts from then on.
reducedMotion.addEventListener('change', () => {
  for (const chart of charts) {
    chart.options.animation = reducedMotion.matches ? false : { duration: 400 };
    chart.update('none');
  }
});
