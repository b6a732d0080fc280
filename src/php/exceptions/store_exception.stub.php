<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** The Store could not read, write, lock or open a record (I/O, corruption, wrong encryption key). */
final class StoreException extends \RuntimeException implements Exception
{
    private ?string $key = null;

    /** The store key concerned, when the failure concerns one record. */
    public function key(): ?string {}
}
