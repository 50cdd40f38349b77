/**
 * Saves text as a file the way both shells support: a Blob URL on an <a download>. Chromium saves
 * it to Downloads; Electron shows its save dialog. No file-system API is needed in the renderer.
 */
export function saveTextFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a tick later the URL can go.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
