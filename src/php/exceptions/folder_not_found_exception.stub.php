<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/** A configured folder name or path matches no folder of the mailbox. */
final class FolderNotFoundException extends \RuntimeException implements Exception
{
    /** @var list<string> */
    private array $closest = [];

    /** @return list<string> the paths of the folders whose names come closest */
    public function closest(): array {}
}
