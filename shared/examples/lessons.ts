/**
 * The built-in course through the system-design primer: one `.faultline` file per lesson in
 * `shared/examples/lessons/`, each with narration, pauses where a class should discuss, and
 * checks that pass. As with the examples, only names live here; each host loads the text its
 * own way.
 */
export interface Lesson {
  /** Position in the course, 1-based. */
  number: number;
  id: string;
  title: string;
  /** One line for the lessons browser and the README. */
  summary: string;
  /** File name inside `shared/examples/lessons/`. */
  file: string;
}

export const LESSONS: readonly Lesson[] = [
  {
    number: 1,
    id: 'load-balancing-and-health-checks',
    title: '1. Load balancing and health checks',
    summary: 'An app server dies; the load balancer keeps sending it traffic until three probes have failed.',
    file: '01-load-balancing-and-health-checks.faultline',
  },
  {
    number: 2,
    id: 'dns-ttl-and-failover',
    title: '2. DNS TTL and failover',
    summary: 'DNS fails over in seconds, but users keep their cached answer: errors drain away over one TTL.',
    file: '02-dns-ttl-and-failover.faultline',
  },
  {
    number: 3,
    id: 'cdn-pull-vs-push',
    title: '3. CDN pull vs push',
    summary: 'A pull CDN starts cold and refetches expired files; a push CDN never asks the origin.',
    file: '03-cdn-pull-vs-push.faultline',
  },
  {
    number: 4,
    id: 'cache-write-policies',
    title: '4. Cache-aside vs write-through vs write-behind',
    summary: 'Invalidation costs cache-aside its hit ratio; a cache crash costs write-behind acknowledged writes.',
    file: '04-cache-write-policies.faultline',
  },
  {
    number: 5,
    id: 'eviction-under-skew',
    title: '5. Eviction under skew: LRU vs LFU',
    summary: 'Two 200-key caches over Zipf-distributed keys: frequency beats recency when popularity is stable.',
    file: '05-eviction-under-skew.faultline',
  },
  {
    number: 6,
    id: 'replication-lag-and-stale-reads',
    title: '6. Replication lag and stale reads',
    summary: 'Reads from asynchronous replicas return old values; a slow replication link makes it worse; reading from the primary ends it.',
    file: '06-replication-lag-and-stale-reads.faultline',
  },
  {
    number: 7,
    id: 'failover-and-lost-writes',
    title: '7. Primary failover and lost writes',
    summary: 'After a replication fault and a primary crash, asynchronous failover loses acknowledged writes; synchronous refuses them instead.',
    file: '07-failover-and-lost-writes.faultline',
  },
  {
    number: 8,
    id: 'sharding-and-hot-keys',
    title: '8. Sharding and hot keys',
    summary: 'Hash, range and consistent hashing over Zipf keys: a hot range shard, and how many keys move when a shard is added.',
    file: '08-sharding-and-hot-keys.faultline',
  },
  {
    number: 9,
    id: 'partitions-and-cap',
    title: '9. Partitions and CAP',
    summary: 'During a partition the CP design refuses European requests and the AP design answers them and drifts: stale reads instead of errors.',
    file: '09-partitions-and-cap.faultline',
  },
  {
    number: 10,
    id: 'queues-and-back-pressure',
    title: '10. Queues and back pressure',
    summary: 'A queue hides slow workers until it is full; then 503s push back on users, and more workers drain it.',
    file: '10-queues-and-back-pressure.faultline',
  },
  {
    number: 11,
    id: 'retry-storms',
    title: '11. Retry storms and metastable failure',
    summary: 'A ten-second slowdown plus retries leaves a server overloaded long after the trigger is gone.',
    file: '11-retry-storms.faultline',
  },
  {
    number: 12,
    id: 'availability-in-numbers',
    title: '12. Availability in numbers: series vs parallel',
    summary: 'Three 90% servers in parallel: theory 99.9%, measured about 97% (until the health checks notice a crash); two 90% components in series: about 78% against 81%.',
    file: '12-availability-in-numbers.faultline',
  },
  {
    number: 13,
    id: 'sessions-and-clones',
    title: '13. Sessions and clones',
    summary: 'Local sessions behind round-robin log users out; sticky sessions until a crash; stateless clones never.',
    file: '13-sessions-and-clones.faultline',
  },
  {
    number: 14,
    id: 'reverse-proxy',
    title: '14. Reverse proxy: rate limiting and caching',
    summary: 'A token bucket per user turns a scraper away with 429s; a response cache spares the app servers.',
    file: '14-reverse-proxy.faultline',
  },
];
