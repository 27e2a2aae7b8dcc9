/** An ECharts chart (SVG) in a div: drawn with `option`, resized with the window, disposed with the component. */
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

export function useEChart(option: echarts.EChartsCoreOption, name: string) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!holder.current) return;
    const chart = echarts.init(holder.current, undefined, { renderer: 'svg' });
    try {
      chart.setOption(option);
    } catch (error) {
      // A chart that cannot draw (no text measuring, as in jsdom) must not take the page down; the numbers beside it stay.
      console.warn(`${name} not drawn`, error);
    }
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, name]);
  return holder;
}
