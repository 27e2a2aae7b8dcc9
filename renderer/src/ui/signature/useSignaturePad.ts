/**
 * signature_pad on a canvas sized for the screen's pixel ratio (sharp on HiDPI): strokes survive a
 * resize, the last stroke can be undone, and the result is a PNG in base64.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

export function useSignaturePad() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#1a1a1a', minWidth: 0.8, maxWidth: 2.8 });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const strokes = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')!.scale(ratio, ratio);
      pad.clear();
      pad.fromData(strokes);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const onEnd = () => setEmpty(pad.isEmpty());
    pad.addEventListener('endStroke', onEnd);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = useCallback(() => {
    padRef.current?.clear();
    setEmpty(true);
  }, []);

  const undo = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = pad.toData();
    strokes.pop();
    pad.fromData(strokes);
    setEmpty(pad.isEmpty());
  }, []);

  /** The signature as PNG base64 (no `data:` prefix), or null when nothing is drawn. */
  const toPngBase64 = useCallback((): string | null => {
    const pad = padRef.current;
    if (!pad || pad.isEmpty()) return null;
    return pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }, []);

  return { canvasRef, empty, clear, undo, toPngBase64 };
}
