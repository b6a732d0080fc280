<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * Seals every value written to another Store with AES-256-GCM under a key
 * derived from $encryptionKey (HKDF-SHA256), bound to the record's key.
 * The same sealing the Authenticator applies when Config has
 * `encryption_key`. A record that does not open raises StoreException;
 * a plaintext record written before sealing was configured is read as is
 * and sealed by its next put().
 *
 * @strict-properties
 * @not-serializable
 */
final class SealedStore implements Store
{
    /** $encryptionKey: a high-entropy secret, e.g. base64 of 32 random bytes. */
    public function __construct(Store $inner, #[\SensitiveParameter] string $encryptionKey) {}

    public function get(string $key): ?string {}

    public function put(string $key, #[\SensitiveParameter] string $value): void {}

    public function delete(string $key): void {}

    /** INF waits indefinitely (when the inner Store does). */
    public function lock(string $key, float $timeoutSeconds): bool {}

    public function unlock(string $key): void {}
}
