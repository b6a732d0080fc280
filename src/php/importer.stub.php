<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * The import job: Inbox → Exported (imported) or Error (failed), oldest
 * first, with a journal in the Store so that nothing is lost or imported
 * twice when a run is interrupted.
 *
 * Options: max_messages (int, 500), require_attachments (bool, false),
 * attachment_types (list of MIME types such as "application/pdf" or
 * "image/*", or extensions such as "pdf"; empty = any), include_inline
 * (bool, false), max_message_size (int bytes or null), max_attempts (int, 3),
 * error_category (string or null, "Import failed").
 *
 * @strict-properties
 * @not-serializable
 */
final class Importer
{
    public function __construct(Mailbox $mailbox, Store $store, array $options = []) {}

    /**
     * $handler(Message $m): anything but false = imported; false or an
     * exception = failed; RetryLaterException = leave it for the next run.
     * $progress(int $done, ?int $total, Message $m, string $outcome): after
     * every message.
     * $fetching(int $count, int $done, ?int $total) (optional):
     * before the run downloads $count messages it had not fetched ahead
     * (the first window of each Inbox page, once the listing is known), so
     * that a caller can say what the wait is for ("fetching 40 messages")
     * before the first $progress call; $done and $total as $progress gets
     * them. An exception from it ends the run like one from $progress.
     */
    public function run(callable $handler, ?callable $progress = null, ?callable $fetching = null): ImportReport {}
}
