<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The Store on the deployment's own database through its PDO connection:
 * PostgreSQL (pgsql), MariaDB/MySQL (mysql) or SQLite (sqlite). Records are
 * rows (ns, k) -> v of one table; locks are the database's own (advisory
 * locks, GET_LOCK) or, for SQLite, OS locks on a file beside the database,
 * and die with the process holding them. Locks are re-entrant per PdoStore
 * object; unlocking a key not held does nothing.
 *
 * @strict-properties
 * @not-serializable
 */
final class PdoStore implements Store
{
    /**
     * $options: `table` (an SQL identifier, optionally schema.table;
     * default 'sqzgraph_store') and `namespace` (bytes, at most 255; default
     * ''): the stores of several mailboxes can share one table, each under
     * a namespace of its own.
     */
    public function __construct(\PDO $pdo, array $options = []) {}

    /** CREATE TABLE IF NOT EXISTS with the DDL of schema(); idempotent. */
    public function createTable(): void {}

    /** The DDL of the table for $driver ('pgsql', 'mysql', 'sqlite'), for an application's own migrations. */
    public static function schema(string $driver, string $table = "sqzgraph_store"): string {}

    /** 'pgsql', 'mysql' or 'sqlite'. */
    public function driver(): string {}

    public function table(): string {}

    public function namespace(): string {}

    public function get(string $key): ?string {}

    /** One upsert, committed when it returns; refused inside a transaction opened on the same PDO. */
    public function put(string $key, #[\SensitiveParameter] string $value): void {}

    /** Refused inside a transaction opened on the same PDO. */
    public function delete(string $key): void {}

    /** INF waits indefinitely. */
    public function lock(string $key, float $timeoutSeconds): bool {}

    public function unlock(string $key): void {}
}
