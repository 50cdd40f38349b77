/**
 * A big generated show: `count` episodes, newest first ("Episode <count>" down to "Episode 1", a
 * day apart), each with show notes, timestamps and an enclosure under /audio/<show>/. For the big
 * library's e2e test and bench:ui; `show` keeps guids and titles apart when one library holds several.
 */
export function generatedFeedXml(origin: string, count: number, show = 0): string {
  const start = Date.UTC(2025, 10, 11, 9);
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(start - i * 86_400_000).toUTCString();
    return `<item>
<title><![CDATA[Episode ${count - i}: ${['Sockets', 'Queues', 'Pooling', 'Latency', 'Indexes'][i % 5]} and the backend, part ${i % 17}]]></title>
<description><![CDATA[<p>Episode ${count - i} is about ${['the accept queue', 'connection pools', 'B-trees', 'TLS', 'HTTP/2'][i % 5]}, with a long enough paragraph to take two lines in the list's preview, like real show notes do.</p><p>0:00 Intro<br>1:38 The topic<br>3:05 Wrapping up</p>]]></description>
<guid isPermaLink="false">bench-${show}-${count}-${i}</guid>
<pubDate>${date}</pubDate>
<enclosure url="${origin}/audio/${show}/${i}.mp3" length="960000" type="audio/mpeg"/>
<itunes:duration>${1200 + (i % 40) * 60}</itunes:duration>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Bench Show ${show + 1} (${count})</title><description>Generated for a big library.</description><link>${origin}/</link>
${items.join('\n')}
</channel></rss>`;
}
