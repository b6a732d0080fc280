<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Outlook's per (app id, mailbox) limits (GRAPH-FACTS §5): at most 4 requests in
 * flight, 10,000 requests per 10 minutes (the latter off unless configured).
 *
 * The in-flight count lives in SQLite so all worker processes see it. A slot is
 * taken under BEGIN IMMEDIATE (count + insert are atomic) and given back in a
 * finally / shutdown function. Leftovers can only come from a killed worker:
 * rows of the current pid are stale by construction (a worker serves one
 * request at a time) and rows older than 5 minutes are dropped.
 *
 * max_inflight keeps, per (app, mailbox), the most requests ever seen in flight at
 * once, counting the one that arrives, also when it is refused with a 429: a client
 * that sends a 5th concurrent request shows 5, though only 4 were served. A $batch
 * counts with the slots its fan-out wants (Batch::lanes()). GET /_mock/max-inflight.
 */
final class Throttle
{
    private const STALE_SECONDS = 300;

    public function __construct(private readonly State $state)
    {
    }

    /** @return int|null the slot id, or null when the mailbox is at its concurrency limit */
    public function acquire(string $app, string $mailbox): ?int
    {
        return $this->acquireUpTo($app, $mailbox, 1)[0] ?? null;
    }

    /**
     * Take as many of $want slots as the limit leaves free, atomically.
     * @return list<int> slot ids, possibly none
     */
    public function acquireUpTo(string $app, string $mailbox, int $want): array
    {
        $limit = (int) $this->state->setting('mailbox_concurrency', 4);
        return $this->state->tx(function () use ($app, $mailbox, $limit, $want): array {
            $now = microtime(true);
            $this->state->exec('DELETE FROM inflight WHERE started < ?', [$now - self::STALE_SECONDS]);
            $n = (int) $this->state->value('SELECT COUNT(*) FROM inflight WHERE app = ? AND mailbox = ?', [$app, $mailbox]);
            $this->state->exec('INSERT INTO max_inflight (app, mailbox, n) VALUES (?, ?, ?) '
                . 'ON CONFLICT(app, mailbox) DO UPDATE SET n = MAX(n, excluded.n)', [$app, $mailbox, $n + $want]);
            $slots = [];
            for ($i = 0; $i < min($want, $limit - $n); $i++) {
                $this->state->insert('inflight', ['app' => $app, 'mailbox' => $mailbox, 'started' => $now, 'pid' => getmypid()]);
                $slots[] = (int) $this->state->db->lastInsertId();
            }
            return $slots;
        });
    }

    /** @param int|list<int> $slots */
    public function release(int|array $slots): void
    {
        $slots = (array) $slots;
        if ($slots !== []) {
            $this->state->tx(fn () => $this->state->exec('DELETE FROM inflight WHERE id IN ('
                . implode(',', array_fill(0, count($slots), '?')) . ')', $slots));
        }
    }

    /** The most requests seen in flight at once against $mailbox (a user id), by any one app. */
    public function maxInFlight(string $mailbox): int
    {
        return (int) $this->state->value('SELECT COALESCE(MAX(n), 0) FROM max_inflight WHERE mailbox = ?', [$mailbox]);
    }

    public function resetMaxInFlight(): void
    {
        $this->state->tx(fn () => $this->state->exec('DELETE FROM max_inflight'));
    }

    /** Called at the start of each request: this worker has nothing in flight. */
    public function forgetOwnSlots(): void
    {
        if ((int) $this->state->value('SELECT COUNT(*) FROM inflight WHERE pid = ?', [getmypid()]) > 0) {
            $this->state->tx(fn () => $this->state->exec('DELETE FROM inflight WHERE pid = ?', [getmypid()]));
        }
    }

    /** @return int|null seconds until the window ends when over the request-rate limit, else null */
    public function overRate(string $app, string $mailbox): ?int
    {
        $cfg = $this->state->setting('rate_limit');
        if (!is_array($cfg) || empty($cfg['requests'])) {
            return null;
        }
        $window = max(1, (int) ($cfg['window_seconds'] ?? 600));
        $now = time();
        $win = intdiv($now, $window);
        return $this->state->tx(function () use ($app, $mailbox, $win, $window, $now, $cfg): ?int {
            $this->state->exec('INSERT INTO rate (app, mailbox, win, n) VALUES (?, ?, ?, 1) '
                . 'ON CONFLICT(app, mailbox, win) DO UPDATE SET n = n + 1', [$app, $mailbox, $win]);
            $n = (int) $this->state->value('SELECT n FROM rate WHERE app = ? AND mailbox = ? AND win = ?', [$app, $mailbox, $win]);
            return $n > (int) $cfg['requests'] ? max(1, ($win + 1) * $window - $now) : null;
        });
    }
}
