<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * What Mailbox::messages() returns: Messages oldest first, one Graph page
 * at a time. Forward-only: rewind() after the first page throws.
 *
 * @strict-properties
 * @not-serializable
 */
final class MessageIterator implements \Iterator
{
    private function __construct() {}

    public function current(): ?Message {}

    public function key(): ?int {}

    public function next(): void {}

    public function rewind(): void {}

    public function valid(): bool {}
}
