<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * A mail folder; path is the display names from the top, "/"-separated,
 * with "\/" for a slash inside a name. Mailbox::folders() lists hidden
 * folders too (isHidden); a search by bare name skips them.
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
    /** Hidden in Outlook: the folder or one above it is hidden (isHidden in Graph). */
    public readonly bool $isHidden;

    private function __construct() {}
}
