import type { ServerResponse } from 'node:http';
import type { EventBus } from '../core/events.js';

/**
 * Server-Sent Events for every app event: "event: <name>\ndata: <json>\n\n". A comment line is
 * sent as a heartbeat so proxies and the browser keep the connection open. Returns a function
 * that ends the stream (used on shutdown); the stream also cleans up when the client goes away.
 */
export function openEventStream(events: EventBus, response: ServerResponse, heartbeatMs: number): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Reconnect after 2 s if the stream drops; the comment flushes headers at once.
  response.write('retry: 2000\n: connected\n\n');
  const unsubscribe = events.subscribe((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  let ended = false;
  const cleanUp = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  response.on('close', cleanUp);
  return () => {
    cleanUp();
    response.end();
  };
}
