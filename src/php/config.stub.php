<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The validated options of one mailbox connection (SPEC §Config).
 * Immutable; var_dump/print_r/var_export show toArray(), which hides
 * every secret.
 *
 * @strict-properties
 * @not-serializable
 */
final class Config
{
    /** @throws ConfigException naming the offending option */
    public function __construct(#[\SensitiveParameter] array $options) {}

    /** Hex SHA-256 of the options that bind an authorization grant. */
    public function fingerprint(): string {}

    /** Every effective option, defaults applied, secrets replaced by '***'. */
    public function toArray(): array {}
}
