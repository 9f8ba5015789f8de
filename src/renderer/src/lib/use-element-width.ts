// Tracks an element's content width in CSS pixels, so SVG charts can draw at their real size.

import { useEffect, useRef, useState, type RefObject } from 'react';

export function useElementWidth<T extends HTMLElement>(initialWidthPx: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [widthPx, setWidthPx] = useState(initialWidthPx);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width !== undefined && width > 0) setWidthPx(Math.floor(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, widthPx];
}
