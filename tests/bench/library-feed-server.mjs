// The feeds for npm run bench:library, served from a process of their own so that making 60 MB of
// XML never stalls the event loop being measured. Feed N at /feed/N.xml has EPISODES items; with
// ?more (or after POST /grow/N) one more. Prints "ready <port>" on stdout.
import { createServer } from 'node:http';

const EPISODES = Number(process.argv[2] ?? 500);
const grown = new Set();

function notes(show, i) {
  const line = `Show ${show}, episode ${i}: sockets, kernels, accept queues and connection pools. `;
  return `<p>${line.repeat(6)}</p><p>0:00 Intro</p><p>12:30 The meat of it</p><p>41:00 Questions</p>`;
}

function feed(show) {
  const count = EPISODES + (grown.has(show) ? 1 : 0);
  const items = [];
  for (let i = count - 1; i >= 0; i--) {
    items.push(`<item><title>Episode ${i} of show ${show}</title><guid isPermaLink="false">s${show}-e${i}</guid>
<pubDate>${new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toUTCString()}</pubDate>
<description><![CDATA[${notes(show, i)}]]></description>
<enclosure url="https://cdn.example.com/s${show}/e${i}.mp3" length="${30_000_000 + i}" type="audio/mpeg"/>
<itunes:duration>00:45:00</itunes:duration></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Bench show ${show}</title><description>Show ${show}</description>${items.join('')}</channel></rss>`;
}

const server = createServer((req, res) => {
  const grow = /^\/grow\/(\d+)$/.exec(req.url ?? '');
  if (grow) {
    grown.add(Number(grow[1]));
    return res.writeHead(204).end();
  }
  const match = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!match) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(feed(Number(match[1])));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${server.address().port}\n`));
