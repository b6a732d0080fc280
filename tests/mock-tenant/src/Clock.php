<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * The server's clock: the host clock plus a configurable offset (POST /_mock/clock).
 * Everything time-dependent (Date header, token iat/exp, code expiry, error
 * timestamps) reads this, so a test can put the tenant's clock ahead of the
 * client's to provoke expiry and clock-skew behaviour (GRAPH-FACTS §2, §7).
 */
final class Clock
{
    public function __construct(private readonly float $offset)
    {
    }

    public static function of(State $state): self
    {
        return new self((float) $state->setting('clock_offset', 0));
    }

    public function now(): float
    {
        return microtime(true) + $this->offset;
    }

    public function epoch(): int
    {
        return (int) floor($this->now());
    }

    /** IMF-fixdate for the HTTP Date header (RFC 9110 §5.6.7). */
    public function httpDate(): string
    {
        return gmdate('D, d M Y H:i:s', $this->epoch()) . ' GMT';
    }

    /** Graph innerError.date: ISO 8601 without a zone (GRAPH-FACTS §5). */
    public function graphDate(): string
    {
        return gmdate('Y-m-d\TH:i:s', $this->epoch());
    }

    /** Identity platform error "timestamp": "2016-01-09 02:02:12Z" (GRAPH-FACTS §1.5). */
    public function idpTimestamp(): string
    {
        return gmdate('Y-m-d H:i:s', $this->epoch()) . 'Z';
    }

    public static function iso(int $epoch): string
    {
        return gmdate('Y-m-d\TH:i:s\Z', $epoch);
    }
}
