<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The embedded Store: one file per record in a private directory (0700,
 * files 0600), atomic durable writes, flock() locks. Locks are re-entrant
 * per FileStore object; unlocking a key not held does nothing.
 *
 * @strict-properties
 * @not-serializable
 */
final class FileStore implements Store
{
    /** Opens $directory, creating it (and its parents) when missing. */
    public function __construct(string $directory) {}

    /** The store directory as an absolute path. */
    public function directory(): string {}

    public function get(string $key): ?string {}

    public function put(string $key, #[\SensitiveParameter] string $value): void {}

    public function delete(string $key): void {}

    /** INF waits indefinitely. */
    public function lock(string $key, float $timeoutSeconds): bool {}

    public function unlock(string $key): void {}
}
