<?php
declare(strict_types=1);

namespace MockTenant;

/** Folders, messages and attachments of all mailboxes, and their Graph JSON (GRAPH-FACTS §4). */
final class MailStore
{
    /** Well-known folder names (GRAPH-FACTS §4.2), usable wherever a folder id is. */
    public const WELL_KNOWN = ['archive', 'clutter', 'conflicts', 'conversationhistory', 'deleteditems', 'drafts',
        'inbox', 'junkemail', 'localfailures', 'msgfolderroot', 'outbox', 'recoverableitemsdeletions', 'scheduled',
        'searchfolders', 'sentitems', 'serverfailures', 'syncissues'];

    /** Default folders of a new mailbox: well-known => [English, German, parent, hidden]. */
    private const DEFAULT_FOLDERS = [
        'msgfolderroot' => ['Top of Information Store', 'Oberste Ebene des Informationsspeichers', null, false],
        'archive' => ['Archive', 'Archiv', 'msgfolderroot', false],
        'conversationhistory' => ['Conversation History', 'Unterhaltungsverlauf', 'msgfolderroot', false],
        'deleteditems' => ['Deleted Items', 'Gelöschte Elemente', 'msgfolderroot', false],
        'drafts' => ['Drafts', 'Entwürfe', 'msgfolderroot', false],
        'inbox' => ['Inbox', 'Posteingang', 'msgfolderroot', false],
        'junkemail' => ['Junk Email', 'Junk-E-Mail', 'msgfolderroot', false],
        'outbox' => ['Outbox', 'Postausgang', 'msgfolderroot', false],
        'sentitems' => ['Sent Items', 'Gesendete Elemente', 'msgfolderroot', false],
        'syncissues' => ['Sync Issues', 'Synchronisierungsprobleme', 'msgfolderroot', false],
        'conflicts' => ['Conflicts', 'Konflikte', 'syncissues', false],
        'localfailures' => ['Local Failures', 'Lokale Fehler', 'syncissues', false],
        'serverfailures' => ['Server Failures', 'Serverfehler', 'syncissues', false],
        '' => ['Conversation Action Settings', 'Einstellungen für Unterhaltungsaktionen', 'msgfolderroot', true],
    ];

    /** Message properties in the order Graph emits them. */
    public const MESSAGE_PROPS = ['createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories',
        'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview',
        'importance', 'parentFolderId', 'conversationId', 'isDeliveryReceiptRequested', 'isReadReceiptRequested',
        'isRead', 'isDraft', 'webLink', 'inferenceClassification', 'body', 'sender', 'from', 'toRecipients',
        'ccRecipients', 'bccRecipients', 'replyTo', 'flag'];

    public const FOLDER_PROPS = ['displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount',
        'totalItemCount', 'isHidden'];

    public function __construct(private readonly State $state)
    {
    }

    // ---------------------------------------------------------------- folders

    public function createDefaultFolders(string $mailbox, string $locale): void
    {
        $ids = [];
        foreach (self::DEFAULT_FOLDERS as $wk => [$en, $de, $parent, $hidden]) {
            $ids[$wk] = $this->createFolder($mailbox, $parent === null ? null : $ids[$parent],
                $locale === 'de' ? $de : $en, $wk === '' ? null : $wk, $hidden);
        }
    }

    /** @throws \DomainException when a sibling has the same name (Exchange forbids it, GRAPH-FACTS §4.2) */
    public function createFolder(string $mailbox, ?string $parentId, string $name, ?string $wellKnown = null,
        bool $hidden = false, bool $search = false): string
    {
        $dup = $this->state->value('SELECT 1 FROM folders WHERE mailbox = ? AND parent_id IS ? AND name = ? COLLATE NOCASE',
            [$mailbox, $parentId, $name]);
        if ($dup !== null) {
            throw new \DomainException("A folder named '$name' already exists in the parent folder.");
        }
        $id = Ids::folderId();
        $seq = (int) $this->state->value('SELECT COALESCE(MAX(seq), 0) + 1 FROM folders');
        $this->state->insert('folders', ['id' => $id, 'mailbox' => $mailbox, 'parent_id' => $parentId, 'name' => $name,
            'well_known' => $wellKnown, 'hidden' => (int) $hidden, 'search' => (int) $search, 'seq' => $seq]);
        return $id;
    }

    /** Folder by id or well-known name (case-insensitive), within one mailbox. */
    public function folder(string $mailbox, string $idOrName): ?array
    {
        if (in_array(strtolower($idOrName), self::WELL_KNOWN, true)) {
            return $this->state->one('SELECT * FROM folders WHERE mailbox = ? AND well_known = ?',
                [$mailbox, strtolower($idOrName)]);
        }
        return $this->state->one('SELECT * FROM folders WHERE mailbox = ? AND id = ?', [$mailbox, $idOrName]);
    }

    /** Folder by a display-name path from the top ("Inbox/Invoices") or a well-known name. */
    public function folderByPath(string $mailbox, string $path): ?array
    {
        $f = $this->folder($mailbox, $path);
        if ($f !== null) {
            return $f;
        }
        $cur = $this->folder($mailbox, 'msgfolderroot');
        foreach (explode('/', trim($path, '/')) as $seg) {
            if ($cur === null) {
                return null;
            }
            $cur = $this->state->one('SELECT * FROM folders WHERE mailbox = ? AND parent_id = ? AND name = ? COLLATE NOCASE',
                [$mailbox, $cur['id'], $seg]);
        }
        return $cur;
    }

    /** @return list<array<string, mixed>> */
    public function childFolders(string $mailbox, string $parentId, bool $includeHidden): array
    {
        return $this->state->all('SELECT * FROM folders WHERE mailbox = ? AND parent_id = ?'
            . ($includeHidden ? '' : ' AND hidden = 0') . ' ORDER BY name COLLATE NOCASE, seq', [$mailbox, $parentId]);
    }

    /** @return array<string, mixed> Graph mailFolder / mailSearchFolder JSON */
    public function folderJson(array $f): array
    {
        $j = [];
        if ($f['search']) {
            $j['@odata.type'] = '#microsoft.graph.mailSearchFolder';
        }
        $j['id'] = $f['id'];
        $j['displayName'] = $f['name'];
        $j['parentFolderId'] = $f['parent_id'] ?? $this->rootParentId($f['mailbox']);
        $j['childFolderCount'] = (int) $this->state->value('SELECT COUNT(*) FROM folders WHERE parent_id = ?', [$f['id']]);
        $j['unreadItemCount'] = (int) $this->state->value('SELECT COUNT(*) FROM messages WHERE folder_id = ? AND is_read = 0', [$f['id']]);
        $j['totalItemCount'] = (int) $this->state->value('SELECT COUNT(*) FROM messages WHERE folder_id = ?', [$f['id']]);
        $j['isHidden'] = (bool) $f['hidden'];
        if ($f['search']) {
            $j['isSupported'] = true;
            $j['includeNestedFolders'] = true;
            $j['sourceFolderIds'] = [];
            $j['filterQuery'] = "contains(subject, 'invoice')";
        }
        return $j;
    }

    /** msgfolderroot's own parent is the (invisible) mailbox root; give it a stable id. */
    private function rootParentId(string $mailbox): string
    {
        return Ids::FOLDER_PREFIX . base64_encode(substr(hash('sha512', 'root' . $mailbox, true), 0, 70));
    }

    // --------------------------------------------------------------- messages

    /**
     * Insert a message whose MIME is already in $mimeFile.
     * @param array<string, mixed> $m subject, from, to, received (epoch), internet_message_id, is_read, categories, body, body_type
     * @param list<array<string, mixed>> $attachments from Mime::write()/read(), plus reference attachments
     * @return array{id: string, immutable_id: string}
     */
    public function insertMessage(string $mailbox, string $folderId, array $m, string $mimeFile, array $attachments): array
    {
        $imm = Ids::immutableMessageId();
        $rest = Ids::restMessageId();
        $received = Clock::iso((int) $m['received']);
        $seq = (int) $this->state->value('SELECT COALESCE(MAX(seq), 0) + 1 FROM messages');
        $this->state->insert('messages', [
            'immutable_id' => $imm, 'rest_id' => $rest, 'mailbox' => $mailbox, 'folder_id' => $folderId,
            'received' => $received, 'received_ts' => (int) $m['received'],
            'sent' => Clock::iso((int) ($m['sent'] ?? $m['received']) - 2), 'created' => $received, 'modified' => $received,
            'subject' => (string) $m['subject'], 'from_name' => $m['from']['name'] ?? null,
            'from_addr' => $m['from']['address'] ?? null, 'to_json' => Json::encode($m['to'] ?? []),
            'internet_message_id' => (string) $m['internet_message_id'],
            'conversation_id' => 'AAQkAGI2' . base64_encode(random_bytes(30)),
            'is_read' => (int) ($m['is_read'] ?? false), 'categories' => Json::encode(array_values($m['categories'] ?? [])),
            'importance' => $m['importance'] ?? 'normal', 'change_key' => Ids::changeKey(),
            'body_type' => $m['body_type'] ?? 'text', 'body' => (string) ($m['body'] ?? ''),
            'mime_file' => $mimeFile, 'size' => (int) filesize($mimeFile),
            'has_attachments' => (int) (count(array_filter($attachments, fn ($a) => empty($a['inline']))) > 0),
            'seq' => $seq,
        ]);
        foreach (array_values($attachments) as $i => $a) {
            $file = null;
            $size = 0;
            if (($a['kind'] ?? 'file') === 'file') {
                $file = $this->blob($a['content']);
                $size = strlen($a['content']);
            } elseif ($a['kind'] === 'item') {
                $file = $this->blob($a['mime']);
                $size = strlen($a['mime']);
            } else {
                $size = 512;   // a reference attachment's size is its link metadata (GRAPH-FACTS §4.4)
            }
            $this->state->insert('attachments', [
                'message_id' => $imm, 'idx' => $i, 'akey' => bin2hex(random_bytes(16)), 'kind' => $a['kind'] ?? 'file',
                'name' => $a['name'] ?? null, 'content_type' => $a['content_type'] ?? null, 'size' => $size,
                'is_inline' => (int) !empty($a['inline']), 'content_id' => $a['content_id'] ?? null, 'file' => $file,
                'source_url' => $a['url'] ?? null, 'modified' => $received,
            ]);
        }
        return ['id' => $rest, 'immutable_id' => $imm];
    }

    /**
     * Store bytes content-addressed under the state's blob directory; returns the path.
     * xxh128, not SHA-256: naming files needs no security, and seeding a mailbox of 1000
     * messages hashed 100 MB.
     */
    public function blob(string $bytes): string
    {
        $path = $this->state->blobDir() . '/' . hash('xxh128', $bytes);
        if (!is_file($path)) {
            file_put_contents($path . '.tmp' . getmypid(), $bytes);
            rename($path . '.tmp' . getmypid(), $path);
        }
        return $path;
    }

    /** A message by REST or immutable id: Graph accepts both formats on input (GRAPH-FACTS §4.5). */
    public function message(string $mailbox, string $id): ?array
    {
        return $this->state->one('SELECT * FROM messages WHERE mailbox = ? AND (rest_id = ? OR immutable_id = ?)',
            [$mailbox, $id, $id]);
    }

    /**
     * Move = "a new copy in the destination, the original removed" (GRAPH-FACTS §4.5): the REST id
     * changes, the immutable id stays. Returns the updated row.
     */
    public function move(array $msg, string $destFolderId, int $now): array
    {
        $this->state->exec('UPDATE messages SET folder_id = ?, rest_id = ?, change_key = ?, modified = ? WHERE immutable_id = ?',
            [$destFolderId, Ids::restMessageId(), Ids::changeKey(), Clock::iso($now), $msg['immutable_id']]);
        return $this->state->one('SELECT * FROM messages WHERE immutable_id = ?', [$msg['immutable_id']]);
    }

    /** @return list<array<string, mixed>> */
    public function attachments(array $msg): array
    {
        return $this->state->all('SELECT * FROM attachments WHERE message_id = ? ORDER BY idx', [$msg['immutable_id']]);
    }

    public function attachment(array $msg, string $attachmentId): ?array
    {
        $p = Ids::parseAttachmentId($attachmentId);
        if ($p === null || ($p[0] !== $msg['rest_id'] && $p[0] !== $msg['immutable_id'])) {
            return null;
        }
        return $this->state->one('SELECT * FROM attachments WHERE message_id = ? AND akey = ?', [$msg['immutable_id'], $p[1]]);
    }

    /**
     * @param list<string>|null $select null = all properties
     * @return array<string, mixed>
     */
    public function messageJson(array $m, bool $immutable, ?array $select, bool $withSize): array
    {
        $addr = fn (?string $name, ?string $address) => ['emailAddress' => ['name' => $name ?? $address, 'address' => $address]];
        $id = $immutable ? $m['immutable_id'] : $m['rest_id'];
        $from = $m['from_addr'] === null ? null : $addr($m['from_name'], $m['from_addr']);
        $body = (string) $m['body'];
        $wants = fn (string $p) => $select === null || in_array($p, $select, true);
        $all = [
            'createdDateTime' => $m['created'],
            'lastModifiedDateTime' => $m['modified'],
            'changeKey' => $m['change_key'],
            'categories' => json_decode($m['categories'], true),
            'receivedDateTime' => $m['received'],
            'sentDateTime' => $m['sent'],
            'hasAttachments' => (bool) $m['has_attachments'],
            'internetMessageId' => $m['internet_message_id'],
            'subject' => $m['subject'],
            // the preview of a 20 KB body is the costliest property: only when asked for
            'bodyPreview' => $wants('bodyPreview') ? self::preview($body, $m['body_type']) : null,
            'importance' => $m['importance'],
            'parentFolderId' => $m['folder_id'],
            'conversationId' => $m['conversation_id'],
            'isDeliveryReceiptRequested' => false,
            'isReadReceiptRequested' => false,
            'isRead' => (bool) $m['is_read'],
            'isDraft' => false,
            'webLink' => 'https://outlook.office365.com/owa/?ItemID=' . rawurlencode($id) . '&exvsurl=1&viewmodel=ReadMessageItem',
            'inferenceClassification' => 'focused',
            'body' => ['contentType' => $m['body_type'], 'content' => $body],
            'sender' => $from,
            'from' => $from,
            'toRecipients' => array_map(fn ($t) => $addr($t['name'] ?? null, $t['address']), json_decode($m['to_json'], true)),
            'ccRecipients' => [],
            'bccRecipients' => [],
            'replyTo' => [],
            'flag' => ['flagStatus' => 'notFlagged'],
        ];
        // With $select Graph still returns @odata.etag and id (GRAPH-FACTS §4.3).
        $j = ['@odata.etag' => 'W/"' . $m['change_key'] . '"', 'id' => $id];
        foreach (self::MESSAGE_PROPS as $p) {
            if ($wants($p)) {
                $j[$p] = $all[$p];
            }
        }
        if ($withSize) {
            // PR_MESSAGE_SIZE (0x0E08). Graph normalises the id it echoes to "Integer 0xe08"
            // and gives the value as a string. The size here is the MIME's byte length.
            $j['singleValueExtendedProperties'] = [['id' => 'Integer 0xe08', 'value' => (string) $m['size']]];
        }
        return $j;
    }

    private static function preview(string $body, string $type): string
    {
        if ($type === 'html') {
            $body = html_entity_decode(strip_tags($body), ENT_QUOTES, 'UTF-8');
        }
        $body = trim((string) preg_replace('/\s+/u', ' ', Mime::isUtf8($body) ? $body : (string) iconv('ISO-8859-1', 'UTF-8', $body)));
        // the first 255 characters; iconv_substr() would convert the whole body one character at a time
        return preg_match('/^.{0,255}/su', $body, $m) === 1 ? $m[0] : '';
    }

    /**
     * @param list<string>|null $select
     * @return array<string, mixed>
     */
    public function attachmentJson(array $msg, array $a, bool $immutable, ?array $select, bool $withContent = true): array
    {
        $type = match ($a['kind']) {
            'item' => '#microsoft.graph.itemAttachment',
            'reference' => '#microsoft.graph.referenceAttachment',
            default => '#microsoft.graph.fileAttachment',
        };
        $all = [
            'id' => Ids::attachmentId($immutable ? $msg['immutable_id'] : $msg['rest_id'], $a['akey']),
            'lastModifiedDateTime' => $a['modified'],
            'name' => $a['name'],
            'contentType' => $a['kind'] === 'item' ? null : $a['content_type'],
            'size' => (int) $a['size'],
            'isInline' => (bool) $a['is_inline'],
        ];
        if ($a['kind'] === 'file') {
            $all['contentId'] = $a['content_id'];
            $all['contentLocation'] = null;
            if ($withContent && ($select === null || in_array('contentBytes', $select, true))) {
                $all['contentBytes'] = base64_encode((string) file_get_contents($a['file']));
            }
        } elseif ($a['kind'] === 'reference') {
            $all['sourceUrl'] = $a['source_url'];
            $all['providerType'] = 'oneDriveBusiness';
            $all['thumbnailUrl'] = null;
            $all['previewUrl'] = null;
            $all['permission'] = 'view';
            $all['isFolder'] = false;
        }
        $j = ['@odata.type' => $type];
        foreach ($all as $k => $v) {
            if ($select === null || $k === 'id' || in_array($k, $select, true)) {
                $j[$k] = $v;
            }
        }
        return $j;
    }
}
