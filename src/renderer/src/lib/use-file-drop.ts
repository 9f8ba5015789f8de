// Window-wide drag-and-drop of files: reports the dropped files and whether a drag is over the window.

import { useEffect, useEffectEvent, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Calls `onDrop` with the dropped files; returns true while files are being dragged over the window. */
export function useFileDrop(onDrop: (files: File[]) => void): boolean {
  const [isDragging, setIsDragging] = useState(false);
  // Always calls the latest `onDrop` without re-subscribing the window listeners on every render.
  const deliverFiles = useEffectEvent(onDrop);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed, so count depth instead of toggling.
    let depth = 0;
    const handleDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setIsDragging(true);
    };
    const handleDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      // Without preventDefault the browser refuses the drop (and Electron would try to open the file).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const handleDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setIsDragging(false);
    };
    const handleDrop = (event: DragEvent): void => {
      event.preventDefault();
      depth = 0;
      setIsDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) deliverFiles(files);
    };
    window.addEventListener('dragenter', handleDragEnter);
    window.addEventListener('dragover', handleDragOver);
    window.addEventListener('dragleave', handleDragLeave);
    window.addEventListener('drop', handleDrop);
    return () => {
      window.removeEventListener('dragenter', handleDragEnter);
      window.removeEventListener('dragover', handleDragOver);
      window.removeEventListener('dragleave', handleDragLeave);
      window.removeEventListener('drop', handleDrop);
    };
  }, []);

  return isDragging;
}
