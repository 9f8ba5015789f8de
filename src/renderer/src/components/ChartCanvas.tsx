// One Chart.js chart on a canvas: created when mounted, updated in place when its config changes,
// destroyed when unmounted. Animations are off (a supervisor reads the figures; screenshots are stable).
// The canvas has a text alternative (`summary`), since a screen reader cannot read a drawing.

import { useEffect, useRef, type ReactElement } from 'react';
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
  type ChartConfiguration,
} from 'chart.js';

// Only what the Trends view draws, so the bundle stays small (Chart.js is tree-shakeable).
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartCanvasProps {
  config: ChartConfiguration<'line' | 'bar', (number | null)[], string | string[]>;
  /** What the chart shows, in words (the canvas's accessible name). */
  summary: string;
  testId?: string;
}

export function ChartCanvas({ config, summary, testId }: ChartCanvasProps): ReactElement {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line' | 'bar', (number | null)[], string | string[]> | null>(null);
  const chartTypeRef = useRef<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const withDefaults = { ...config, options: { animation: false as const, responsive: true, maintainAspectRatio: false, ...config.options } };
    const chart = chartRef.current;
    if (chart === null || chartTypeRef.current !== config.type) {
      chart?.destroy();
      chartRef.current = new Chart(canvas, withDefaults);
      chartTypeRef.current = config.type;
    } else {
      chart.data = withDefaults.data;
      chart.options = withDefaults.options;
      chart.update();
    }
  }, [config]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
      chartTypeRef.current = null;
    },
    [],
  );

  return (
    <div className="chart-box" data-testid={testId}>
      <canvas ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
