<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * A mail folder; path is the display names from the top, "/"-separated,
 * with "\/" for a slash inside a name.
 *
 * @strict-properties
 * @not-serializable
 */
final class Folder
{
    public readonly string $id;
    public readonly string $name;
    public readonly string $path;
    public readonly ?string $parentId;
    public readonly int $totalCount;
    public readonly int $unreadCount;
    public readonly int $childCount;

    private function __construct() {}
}
