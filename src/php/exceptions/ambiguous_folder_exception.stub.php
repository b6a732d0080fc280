<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** A configured folder name matches several folders; configure one of the listed paths instead. */
final class AmbiguousFolderException extends \RuntimeException implements Exception
{
    /** @var list<string> */
    private array $candidates = [];

    /** @return list<string> the full path of every matching folder */
    public function candidates(): array {}
}
