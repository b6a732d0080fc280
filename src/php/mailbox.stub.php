<?php

/**
 * @generate-class-entries static
 */

namespace SqzGraph;

/**
 * One mailbox through Microsoft Graph: "/me" for delegated access without a
 * configured mailbox, "/users/{mailbox}" otherwise.
 *
 * @strict-properties
 * @not-serializable
 */
final class Mailbox
{
    public function __construct(Authenticator $auth) {}

    /** @return list<Folder> the whole folder tree, hidden folders included, sorted by path */
    public function folders(): array {}

    public function resolveFolder(string $nameOrPath): Folder {}

    /**
     * The folder's messages, oldest first, fetched page by page as the
     * iteration goes. Options: "page_size" (1..1000, default 250), "limit".
     * @return \Iterator<int, Message>
     */
    public function messages(string $folderId, array $options = []): \Iterator {}

    public function message(string $id): Message {}

    /** @param string|resource $target a file path or a writable stream */
    public function saveMime(string $messageId, $target): int {}

    /** @return list<Attachment> */
    public function attachments(string $messageId): array {}

    /** @param string|resource $target a file path or a writable stream */
    public function saveAttachment(string $messageId, string $attachmentId, $target): int {}

    public function move(string $messageId, string $folderId): string {}

    /** @return array<string, string|Exception> message id => id after the move, or why it failed (a GraphException for that message; a TransportException, ReauthenticationRequiredException, ... given to every message of a batch that could not be sent) */
    public function moveMany(array $messageIds, string $folderId): array {}

    /** @return array{ok: bool, checks: array<string, array{ok: bool, detail: string}>} */
    public function testConnection(): array {}
}
