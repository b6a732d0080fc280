<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Loads a seed (a PHP array from seeds/NAME.php, or the same structure as JSON)
 * into the state. Format (every key optional unless marked):
 *
 *   tenants: [{ id*, name, domains: [..], autoconsent: bool, default_user: upn,
 *     apps: [{ client_id*, name, secrets: [{value, expires: epoch|'Y-m-d'}], certificates: [PEM],
 *              redirect_uris: [..], public_client: bool, roles: ['Mail.ReadWrite'],
 *              delegated: ['Mail.ReadWrite', ..] (what '.default' means for delegated) }],
 *     users: [{ id, upn*, name, locale: 'en'|'de', mailbox: 'enabled'|'not_enabled', mailbox_status: 404,
 *               shared_with: [upn], consents: {client_id: [scopes]},
 *               folders: [{name*, parent: 'inbox'|'A/B', hidden, search}],
 *               messages: [message spec, see addMessage()] }] }]
 */
final class Seeder
{
    public function __construct(private readonly State $state)
    {
    }

    public static function seedDir(): string
    {
        return dirname(__DIR__) . '/seeds';
    }

    public static function fixtureDir(): string
    {
        return dirname(__DIR__) . '/fixtures/mime';
    }

    /** @return array<string, mixed> */
    public static function named(string $name): array
    {
        if (!preg_match('/^[a-z0-9][a-z0-9_-]*$/', $name) || !is_file(self::seedDir() . "/$name.php")) {
            throw new \InvalidArgumentException("unknown seed '$name'");
        }
        return require self::seedDir() . "/$name.php";
    }

    /**
     * Replace the tenant content with $seed (the request log and fault rules are kept).
     * @param array<string, mixed> $seed
     * @return array<string, mixed> summary: tenants, apps, users with their ids
     */
    public function load(array $seed): array
    {
        $this->state->wipe(false);
        return $this->state->tx(function () use ($seed) {
            foreach ($seed['settings'] ?? [] as $k => $v) {
                $this->state->setSetting($k, $v);
            }
            $summary = ['tenants' => []];
            $pendingShares = [];
            foreach ($seed['tenants'] ?? [] as $t) {
                $summary['tenants'][] = $this->tenant($t, $pendingShares);
            }
            foreach ($pendingShares as [$ownerId, $granteeUpn]) {
                $g = $this->state->one('SELECT id FROM users WHERE upn = ? COLLATE NOCASE', [$granteeUpn]);
                if ($g === null) {
                    throw new \InvalidArgumentException("shared_with: unknown user '$granteeUpn'");
                }
                $this->state->exec('INSERT OR IGNORE INTO shares (owner_id, grantee_id) VALUES (?, ?)', [$ownerId, $g['id']]);
            }
            return $summary;
        });
    }

    /**
     * @param array<string, mixed> $t
     * @param list<array{0: string, 1: string}> $pendingShares
     * @return array<string, mixed>
     */
    private function tenant(array $t, array &$pendingShares): array
    {
        $tid = $t['id'] ?? Ids::guid();
        $this->state->insert('tenants', ['id' => $tid, 'name' => $t['name'] ?? 'Contoso',
            'domains' => Json::encode($t['domains'] ?? []), 'autoconsent' => (int) ($t['autoconsent'] ?? false),
            'default_user' => $t['default_user'] ?? null]);
        $out = ['id' => $tid, 'domains' => $t['domains'] ?? [], 'apps' => [], 'users' => []];
        foreach ($t['apps'] ?? [] as $a) {
            $secrets = array_map(fn ($s) => ['value' => $s['value'], 'expires' => self::epoch($s['expires'] ?? 4102444800)],
                $a['secrets'] ?? []);
            $this->state->insert('apps', [
                'client_id' => $a['client_id'], 'tenant_id' => $tid, 'name' => $a['name'] ?? 'Squeeze',
                'redirect_uris' => Json::encode($a['redirect_uris'] ?? []), 'public_client' => (int) ($a['public_client'] ?? false),
                'roles' => Json::encode($a['roles'] ?? []),
                'delegated' => Json::encode($a['delegated'] ?? ['Mail.ReadWrite', 'User.Read']),
                'secrets' => Json::encode($secrets), 'certs' => Json::encode($a['certificates'] ?? []),
                'sp_oid' => Ids::guid(),
            ]);
            $out['apps'][] = ['client_id' => $a['client_id'], 'secrets' => array_column($secrets, 'value')];
        }
        foreach ($t['users'] ?? [] as $u) {
            $out['users'][] = $this->user($tid, $u, $pendingShares);
        }
        return $out;
    }

    /**
     * @param array<string, mixed> $u
     * @param list<array{0: string, 1: string}> $pendingShares
     * @return array<string, mixed>
     */
    private function user(string $tid, array $u, array &$pendingShares): array
    {
        $uid = $u['id'] ?? Ids::guid();
        $this->state->insert('users', ['id' => $uid, 'tenant_id' => $tid, 'upn' => $u['upn'],
            'name' => $u['name'] ?? explode('@', $u['upn'])[0], 'mailbox' => $u['mailbox'] ?? 'enabled',
            'mailbox_status' => (int) ($u['mailbox_status'] ?? 404)]);
        foreach ($u['consents'] ?? [] as $clientId => $scopes) {
            $this->state->insert('consents', ['client_id' => $clientId, 'user_id' => $uid, 'scopes' => Json::encode($scopes)]);
        }
        foreach ($u['shared_with'] ?? [] as $grantee) {
            $pendingShares[] = [$uid, $grantee];
        }
        $store = new MailStore($this->state);
        $store->createDefaultFolders($uid, $u['locale'] ?? 'en');
        foreach ($u['folders'] ?? [] as $f) {
            $this->addFolder($uid, $f);
        }
        $ids = [];
        foreach ($u['messages'] ?? [] as $i => $m) {
            $m['received'] ??= 1704448800 + 60 * $i;    // 2024-01-05T10:00:00Z onwards
            $added = $this->addMessage($uid, $m);
            $ids[] = $added + ['subject' => $this->state->value(
                'SELECT subject FROM messages WHERE immutable_id = ?', [$added['immutable_id']])];
        }
        return ['id' => $uid, 'upn' => $u['upn'], 'messages' => count($ids)];
    }

    /**
     * @param array<string, mixed> $f name*, parent (well-known or path, default msgfolderroot), hidden, search
     * @return array<string, mixed>
     */
    public function addFolder(string $mailbox, array $f): array
    {
        $store = new MailStore($this->state);
        $parent = $store->folderByPath($mailbox, (string) ($f['parent'] ?? 'msgfolderroot'));
        if ($parent === null) {
            throw new \InvalidArgumentException("unknown parent folder '" . ($f['parent'] ?? '') . "'");
        }
        $id = $store->createFolder($mailbox, $parent['id'], (string) $f['name'], null,
            (bool) ($f['hidden'] ?? false), (bool) ($f['search'] ?? false));
        return ['id' => $id, 'parentFolderId' => $parent['id'], 'displayName' => $f['name']];
    }

    /**
     * Message spec: folder ('inbox' | path, default inbox), subject, from {name,address}, to [..],
     * received (epoch or ISO 8601), is_read, categories, body,
     * and the MIME: mime_fixture (a file in fixtures/mime, served byte-exact), or mime (raw bytes),
     * or mime_base64, or generated from attachments [{kind: file|item|reference, name, content_type,
     * size|content|content_base64, inline, content_id, url}] and pad_to (bytes).
     * @param array<string, mixed> $m
     * @return array{id: string, immutable_id: string}
     */
    public function addMessage(string $mailbox, array $m): array
    {
        $store = new MailStore($this->state);
        $folder = $store->folderByPath($mailbox, (string) ($m['folder'] ?? 'inbox'));
        if ($folder === null) {
            throw new \InvalidArgumentException("unknown folder '" . ($m['folder'] ?? '') . "'");
        }
        $received = self::epoch($m['received'] ?? time());
        $references = array_values(array_filter($m['attachments'] ?? [], fn ($a) => ($a['kind'] ?? '') === 'reference'));
        if (isset($m['mime_base64'])) {
            $m['mime'] = base64_decode((string) $m['mime_base64'], true);
        }
        if (isset($m['mime_fixture']) || isset($m['mime'])) {
            if (isset($m['mime_fixture'])) {
                $file = self::fixtureDir() . '/' . basename((string) $m['mime_fixture']);
                if (!is_file($file)) {
                    throw new \InvalidArgumentException("unknown MIME fixture '{$m['mime_fixture']}'");
                }
                $raw = (string) file_get_contents($file);
            } else {
                $raw = (string) $m['mime'];
                $file = $store->blob($raw);
            }
            $info = Mime::read($raw);
            $meta = [
                'subject' => $m['subject'] ?? $info['subject'],
                'from' => $m['from'] ?? $info['from'],
                'to' => $m['to'] ?? [],
                'received' => $received,
                'sent' => $info['date'] ?? $received,
                'internet_message_id' => $info['message_id'] ?? '<' . bin2hex(random_bytes(12)) . '@mock.example>',
                'body' => $m['body'] ?? $info['body'],
                'body_type' => $info['body_type'],
            ] + $m;
            $attachments = array_merge($info['attachments'], $references);
        } else {
            foreach ($m['attachments'] ?? [] as $k => $a) {
                if (isset($a['content_base64'])) {
                    $m['attachments'][$k]['content'] = base64_decode((string) $a['content_base64']);
                }
            }
            $meta = $m + [
                'subject' => '',
                'from' => ['name' => 'Fabrikam Billing', 'address' => 'billing@fabrikam.example'],
                'internet_message_id' => '<' . bin2hex(random_bytes(12)) . '@fabrikam.example>',
                'body' => 'Please find the document attached.',
            ];
            $meta['received'] = $received;
            $meta['date'] = $received - 2;
            // A generated MIME has a random boundary: unique, so its file needs no content address.
            $file = $this->state->blobDir() . '/gen-' . bin2hex(random_bytes(12));
            $attachments = array_merge(Mime::write($meta, $file), $references);
        }
        return $store->insertMessage($mailbox, $folder['id'], $meta, $file, $attachments);
    }

    public static function epoch(int|string $v): int
    {
        if (is_int($v) || ctype_digit($v)) {
            return (int) $v;
        }
        $t = strtotime($v . (preg_match('/^\d{4}-\d\d-\d\d$/', $v) ? ' 00:00:00 UTC' : ''));
        if ($t === false) {
            throw new \InvalidArgumentException("bad date '$v'");
        }
        return $t;
    }
}
