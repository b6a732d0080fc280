<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The OAuth side of one configured mailbox: delegated sign-in (authorization
 * code + PKCE), refresh, client credentials. Tokens live in the Store (sealed
 * when Config has an encryption_key); every instant is epoch seconds (UTC).
 *
 * @strict-properties
 * @not-serializable
 */
final class Authenticator
{
    public function __construct(Config $config, Store $store) {}

    /**
     * Starts a delegated sign-in. Options: "login_hint", "prompt".
     * @return array{url: string, state: string}
     */
    public function beginAuthorization(array $options = []): array {}

    /** Completes the sign-in with the redirect's query parameters ($_GET). */
    public function completeAuthorization(#[\SensitiveParameter] array $query): TokenInfo {}

    /** A valid access token, refreshed on demand under the Store lock. */
    public function accessToken(): string {}

    public function refresh(bool $force = false): TokenInfo {}

    /** Never throws for "not authorized". */
    public function status(): TokenInfo {}

    /** Deletes the token record. */
    public function forget(): void {}

    /**
     * Migrates a legacy token record whose "expires" is a zone-less
     * "Y-m-d H:i:s" written in $timezone (or an int epoch).
     */
    public function importToken(#[\SensitiveParameter] array $record, string $timezone): TokenInfo {}
}
