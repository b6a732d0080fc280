<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * @strict-properties
 * @not-serializable
 */
final class Message
{
    public readonly string $id;
    public readonly ?string $internetMessageId;
    public readonly string $subject;
    public readonly ?string $from;
    public readonly ?string $fromName;
    /** epoch seconds (receivedDateTime is UTC) */
    public readonly int $receivedAt;
    public readonly bool $hasAttachments;
    public readonly ?int $size;

    private function __construct() {}

    /** @param string|resource $target */
    public function saveMime($target): int {}

    /** @return list<Attachment> */
    public function attachments(): array {}
}
