<?php

/**
 * @generate-class-entries
 */

// Not "static": gen_stub 8.2 then declares one bare "static" per abstract
// method of an interface, which does not compile.

namespace SqzGraph;

/**
 * Durable bytes plus locks: token records, pending authorizations and the
 * import journal, each under a string key (any bytes). FileStore is the
 * embedded implementation; a deployment may implement it on its own
 * database. Whatever an implementation throws reaches the caller of
 * sqzgraph as a StoreException whose getPrevious() is the original (a
 * SqzGraph\Exception passes unchanged). Implementations should mark
 * put()'s $value #[\SensitiveParameter] too: it holds tokens.
 */
interface Store
{
    /** The value stored under $key, or null when there is none. */
    public function get(string $key): ?string;

    /** Stores $value under $key; durable when it returns. */
    public function put(string $key, #[\SensitiveParameter] string $value): void;

    /** Removes the record; a missing record is not an error. */
    public function delete(string $key): void;

    /**
     * Takes the exclusive lock named $key (across processes), waiting at
     * most $timeoutSeconds; false when it timed out.
     */
    public function lock(string $key, float $timeoutSeconds): bool;

    /** Releases a lock taken by lock(). */
    public function unlock(string $key): void;
}
