<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * What one Importer::run() did.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImportReport
{
    public readonly int $imported;
    public readonly int $failed;
    public readonly int $deferred;
    public readonly int $vanished;
    public readonly int $resumed;
    /** another run held the mailbox: this one did nothing */
    public readonly bool $locked;
    /** null, "throttled" or "unavailable" */
    public readonly ?string $aborted;
    public readonly float $seconds;
    /** when aborted = "throttled": the epoch second before which no run makes a request */
    public readonly ?int $throttledUntil;
    /** @var list<array{id: string, subject: string, outcome: string, reason: ?string}> */
    public readonly array $items;

    private function __construct() {}
}
