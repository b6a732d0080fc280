<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The state of a mailbox's authorization; no token or secret inside.
 * Instants are epoch seconds (UTC).
 *
 * @strict-properties
 * @not-serializable
 */
final class TokenInfo
{
    public readonly bool $authorized;
    public readonly bool $needsReauthorization;
    public readonly ?string $reason;
    public readonly ?string $errorCode;
    public readonly ?int $expiresAt;
    public readonly ?int $obtainedAt;
    public readonly ?string $account;
    /** @var list<string> */
    public readonly array $scopes;
    public readonly string $flow;
    public readonly ?int $refreshTokenExpiresAt;
    public readonly ?int $lastRefreshAt;
    public readonly ?string $lastError;
    /** @var list<string> */
    public readonly array $warnings;

    private function __construct() {}

    /** expiresAt as a DateTimeImmutable in UTC (never the php.ini zone). */
    public function expiresAt(): ?\DateTimeImmutable {}
}
