<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * @strict-properties
 * @not-serializable
 */
final class Attachment
{
    public readonly string $id;
    public readonly string $name;
    public readonly ?string $contentType;
    public readonly int $size;
    public readonly bool $isInline;
    /** "file", "item" or "reference" */
    public readonly string $kind;

    private function __construct() {}

    /**
     * An item attachment saves as MIME; a reference attachment has no bytes.
     * @param string|resource $target
     */
    public function save($target): int {}
}
