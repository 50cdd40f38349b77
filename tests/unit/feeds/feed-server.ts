import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** Body bytes the server wrote in answer. */
  bytesSent: number;
}

export type Route = (res: ServerResponse, headers: IncomingHttpHeaders) => void;

/** A real HTTP server on 127.0.0.1 with swappable routes; it records every request and what it sent back. */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly requests: SeenRequest[] = [];
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const seen: SeenRequest = { path: req.url ?? '/', headers: req.headers, bytesSent: 0 };
      this.requests.push(seen);
      const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string') seen.bytesSent += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) seen.bytesSent += chunk.byteLength;
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') count(chunk);
        return end(chunk, ...rest);
      }) as typeof res.end;
      const route = this.routes.get(seen.path);
      if (route) route(res, req.headers);
      else res.writeHead(404).end('no such route');
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  requestsTo(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

export interface ItemSpec {
  guid: string;
  title: string;
  notes?: string;
}

/** An Anchor-shaped RSS document. */
export function rss(items: ItemSpec[], channelExtra = ''): string {
  const body = items
    .map(
      (item, index) => `
    <item>
      <title><![CDATA[${item.title}]]></title>
      <description><![CDATA[<p>${item.notes ?? `Notes for ${item.title}`}</p>]]></description>
      <guid isPermaLink="false">${item.guid}</guid>
      <pubDate>${new Date(Date.UTC(2025, 0, 1 + index)).toUTCString()}</pubDate>
      <enclosure url="https://cdn.example.com/${item.guid}.mp3" length="1000" type="audio/mpeg"/>
      <itunes:duration>${600 + index}</itunes:duration>
    </item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>Fixture Show</title>
    <description><![CDATA[<p>A show served by the test.</p>]]></description>${channelExtra}${body}
  </channel>
</rss>`;
}

/** A URL on 127.0.0.1 where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/feed.xml`;
}
