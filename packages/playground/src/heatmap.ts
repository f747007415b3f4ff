// A lane's decision heatmap: 100×100 scores drawn into a canvas of that backing size (scaled by
// CSS), and the training points on an overlay canvas above it.
import type { Bounds } from './scores.js';

/** The colours of class 0 and class 1 (orange and blue, as TensorFlow Playground's). */
export const classColors = [
  [245, 147, 34],
  [8, 119, 189],
] as const;

/**
 * Paints `scores` (row-major, `size`×`size`, row 0 at the top): the class the sign says, mixed
 * with white by how sure the score is (|score| of 1 or more: the full colour).
 *
 * @param canvas - a canvas with a `size`×`size` backing store
 * @param scores - one score per pixel
 * @param size - pixels per side
 */
export function paintHeatmap(canvas: HTMLCanvasElement, scores: Float32Array, size = 100): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(size, size);
  scores.forEach((score, i) => {
    const color = classColors[score > 0 ? 1 : 0];
    const sure = Math.min(1, Math.abs(score)) * 0.85 + 0.15;
    for (let c = 0; c < 3; c++) image.data[4 * i + c] = Math.round(255 + ((color[c] ?? 255) - 255) * sure);
    image.data[4 * i + 3] = 255;
  });
  context.putImageData(image, 0, 0);
}

/**
 * Draws the training points over a heatmap (on its own canvas, so the heatmap's pixels stay the model's).
 *
 * @param canvas - the overlay canvas
 * @param points - `[x, y, label]` in data coordinates
 * @param bounds - the square the heatmap covers
 */
export function paintPoints(canvas: HTMLCanvasElement, points: readonly (readonly [number, number, 0 | 1])[], bounds: Bounds): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  for (const [x, y, label] of points) {
    const px = ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * width;
    const py = ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * height;
    const [r, g, b] = classColors[label];
    context.beginPath();
    context.arc(px, py, 3.5, 0, 2 * Math.PI);
    context.fillStyle = `rgb(${r}, ${g}, ${b})`;
    context.fill();
    context.lineWidth = 1;
    context.strokeStyle = '#fff';
    context.stroke();
  }
}

/**
 * The data coordinates of a click on a heatmap.
 *
 * @param event - the click
 * @param element - the element clicked (its box maps onto `bounds`)
 * @param bounds - the square the heatmap covers
 */
export function pointAt(event: MouseEvent, element: HTMLElement, bounds: Bounds): [number, number] {
  const box = element.getBoundingClientRect();
  const fx = (event.clientX - box.left) / box.width;
  const fy = (event.clientY - box.top) / box.height;
  return [bounds.xMin + fx * (bounds.xMax - bounds.xMin), bounds.yMax - fy * (bounds.yMax - bounds.yMin)];
}
