<?php
declare(strict_types=1);

namespace MockTenant;

/** The control API under /_mock/ (JSON in, JSON out). Documented in ../README.md. */
final class Control
{
    private State $state;

    public function __construct(private readonly Context $ctx)
    {
        $this->state = $ctx->state;
    }

    public function handle(): Response
    {
        $r = $this->ctx->request;
        $segs = $r->segments('/_mock');
        $route = $r->method . ' ' . ($segs[0] ?? '');
        $b = $r->body === '' ? [] : Json::decode($r->body);
        if (!is_array($b)) {
            return $this->error(400, 'body must be a JSON object');
        }
        try {
            return match ($route) {
                'GET health' => $this->ok(['ok' => true, 'pid' => getmypid(), 'state' => $this->state->path]),
                'POST seed' => $this->ok($this->seed($b)),
                'POST reset' => $this->reset($b),
                'POST messages' => $this->ok((new Seeder($this->state))->addMessage($this->userId($b['mailbox'] ?? ''), $b)),
                'POST folders' => $this->ok((new Seeder($this->state))->addFolder($this->userId($b['mailbox'] ?? ''), $b)),
                'GET folders' => $this->ok($this->folderContents($this->userId($segs[1] ?? ''), ($r->query['counts'] ?? '') === '1')),
                'DELETE folders' => $this->ok($this->deleteFolder($this->userId($segs[1] ?? ''), (string) ($segs[2] ?? ''))),
                'DELETE messages' => $this->deleteMessage((string) ($segs[1] ?? ''), $b),
                'GET requests' => $this->ok(['requests' => (new RequestLog($this->state))->all(
                    isset($r->query['since']) ? (int) $r->query['since'] : null)]),
                'DELETE requests' => $this->done(fn () => (new RequestLog($this->state))->clear()),
                'POST faults' => $this->ok(['id' => (new Faults($this->state))->add($b)]),
                'GET faults' => $this->ok(['faults' => array_map(fn ($f) => ['id' => (int) $f['id'],
                    'rule' => json_decode($f['rule'], true), 'seen' => (int) $f['seen'], 'fired' => (int) $f['fired']],
                    $this->state->all('SELECT * FROM faults ORDER BY id'))]),
                'DELETE faults' => $this->done(fn () => isset($segs[1])
                    ? $this->state->exec('DELETE FROM faults WHERE id = ?', [(int) $segs[1]])
                    : $this->state->exec('DELETE FROM faults')),
                'POST clock' => $this->setting('clock_offset', (float) ($b['offset_seconds'] ?? 0)),
                'POST latency' => $this->setting('latency_ms', (int) ($b['ms'] ?? 0)),
                'POST token-overrides' => $this->setting('token_overrides', $b === [] ? null : $b),
                'POST settings' => $this->settings($b),
                'POST autoconsent' => $this->autoconsent($b),
                'POST revoke' => $this->done(fn () => $this->state->exec(
                    'UPDATE users SET tokens_valid_from = ?, revoke_code = ? WHERE id = ?',
                    [$this->ctx->clock->now(), (int) ($b['code'] ?? 50173), $this->userId($b['user'] ?? '')])),
                'POST age-refresh-tokens' => $this->ageRefreshTokens($b),
                'POST expire-access-tokens' => $this->expireAccessTokens($b),
                'POST consents' => $this->consents($b),
                'POST mailbox' => $this->done(fn () => $this->state->exec('UPDATE users SET mailbox = ?, mailbox_status = ? WHERE id = ?',
                    [$b['mailbox'] ?? 'enabled', (int) ($b['status'] ?? 404), $this->userId($b['user'] ?? '')])),
                'POST shares' => $this->shares($b),
                'POST apps' => $this->apps($b),
                'GET max-inflight' => $this->ok(['max' => (new Throttle($this->state))->maxInFlight(
                    $this->userId((string) ($r->query['mailbox'] ?? '')))]),
                'POST max-inflight' => ($segs[1] ?? '') === 'reset'
                    ? $this->done(fn () => (new Throttle($this->state))->resetMaxInFlight())
                    : $this->error(404, 'no control route POST max-inflight/' . ($segs[1] ?? '')),
                default => $this->error(404, "no control route $route"),
            };
        } catch (\InvalidArgumentException | \DomainException $e) {
            return $this->error(400, $e->getMessage());
        }
    }

    private function ok(array $data): Response
    {
        $r = Response::json(200, $data, 'application/json');
        $r->json = false;
        return $r;
    }

    private function done(callable $fn): Response
    {
        $this->state->tx($fn);
        return $this->ok(['ok' => true]);
    }

    private function error(int $status, string $message): Response
    {
        $r = Response::json($status, ['error' => $message], 'application/json');
        $r->json = false;
        return $r;
    }

    private function setting(string $key, mixed $value): Response
    {
        return $this->done(fn () => $this->state->setSetting($key, $value));
    }

    private function userId(string $key): string
    {
        $id = $this->state->value('SELECT id FROM users WHERE id = ? COLLATE NOCASE OR upn = ? COLLATE NOCASE', [$key, $key]);
        if ($id === null) {
            throw new \InvalidArgumentException("unknown user '$key'");
        }
        return (string) $id;
    }

    private function seed(array $b): array
    {
        $seed = isset($b['name']) ? Seeder::named((string) $b['name']) : ($b['seed'] ?? null);
        if (!is_array($seed)) {
            throw new \InvalidArgumentException('give "name" (a seed in seeds/) or "seed" (inline)');
        }
        return (new Seeder($this->state))->load($seed);
    }

    private function reset(array $b): Response
    {
        $this->state->wipe(true);
        return $this->ok(isset($b['name']) || isset($b['seed']) ? $this->seed($b) : ['ok' => true]);
    }

    /** Which message is in which folder, with both ids: for tests that check moves. */
    /** @param bool $countsOnly each folder with the number of its messages ("count") instead of the list (cheap) */
    private function folderContents(string $mailbox, bool $countsOnly = false): array
    {
        $store = new MailStore($this->state);
        $folders = $this->state->all('SELECT * FROM folders WHERE mailbox = ? ORDER BY seq', [$mailbox]);
        $byId = array_column($folders, null, 'id');
        $out = [];
        foreach ($folders as $f) {
            $path = [];
            for ($cur = $f; $cur !== null && $cur['well_known'] !== 'msgfolderroot'; $cur = $byId[$cur['parent_id']] ?? null) {
                array_unshift($path, $cur['name']);
            }
            $folder = ['id' => $f['id'], 'name' => $f['name'], 'path' => implode('/', $path), 'well_known' => $f['well_known'],
                'hidden' => (bool) $f['hidden'], 'search' => (bool) $f['search']];
            if ($countsOnly) {
                $out[] = $folder + ['count' => (int) $this->state->value('SELECT COUNT(*) FROM messages WHERE folder_id = ?', [$f['id']])];
                continue;
            }
            $msgs = $this->state->all('SELECT * FROM messages WHERE folder_id = ? ORDER BY received_ts, seq', [$f['id']]);
            $out[] = $folder + [
                'messages' => array_map(fn ($m) => ['id' => $m['rest_id'], 'immutable_id' => $m['immutable_id'],
                    'subject' => $m['subject'], 'internet_message_id' => $m['internet_message_id'],
                    'received' => $m['received'], 'is_read' => (bool) $m['is_read'],
                    'categories' => json_decode($m['categories'], true), 'size' => (int) $m['size'],
                    'has_attachments' => (bool) $m['has_attachments'],
                    'mime_sha256' => hash_file('sha256', $m['mime_file'])], $msgs)];
        }
        unset($store);
        return ['mailbox' => $mailbox, 'folders' => $out];
    }

    /**
     * A person deletes a folder for good (Shift+Del): the folder, its subfolders and every
     * message in them. Well-known folders cannot be deleted (as in Outlook).
     */
    private function deleteFolder(string $mailbox, string $idOrPath): array
    {
        $store = new MailStore($this->state);
        $folder = $store->folderByPath($mailbox, $idOrPath) ?? $store->folder($mailbox, $idOrPath);
        if ($folder === null) {
            throw new \InvalidArgumentException("unknown folder '$idOrPath'");
        }
        if ($folder['well_known'] !== null) {
            throw new \InvalidArgumentException("'{$folder['name']}' is a well-known folder and cannot be deleted");
        }
        return $this->state->tx(function () use ($mailbox, $folder): array {
            $ids = [$folder['id']];
            for ($i = 0; $i < count($ids); $i++) {
                foreach ($this->state->all('SELECT id FROM folders WHERE mailbox = ? AND parent_id = ?', [$mailbox, $ids[$i]]) as $c) {
                    $ids[] = $c['id'];
                }
            }
            $messages = 0;
            foreach ($ids as $id) {
                foreach ($this->state->all('SELECT immutable_id FROM messages WHERE folder_id = ?', [$id]) as $m) {
                    $this->state->exec('DELETE FROM attachments WHERE message_id = ?', [$m['immutable_id']]);
                    $this->state->exec('DELETE FROM messages WHERE immutable_id = ?', [$m['immutable_id']]);
                    $messages++;
                }
                $this->state->exec('DELETE FROM folders WHERE id = ?', [$id]);
            }
            return ['deleted_folders' => count($ids), 'deleted_messages' => $messages];
        });
    }

    /** A person deletes a message (or, with {"move_to": folder}, moves it: new REST id) — as the delete_message fault. */
    private function deleteMessage(string $id, array $b): Response
    {
        $row = $this->state->one('SELECT immutable_id FROM messages WHERE rest_id = ? OR immutable_id = ? OR internet_message_id = ?',
            [$id, $id, $id]);
        if ($row === null) {
            return $this->error(404, "unknown message '$id'");
        }
        Faults::applySideEffect($this->state, ['message_id' => $row['immutable_id']] + (isset($b['move_to']) ? ['move_to' => $b['move_to']] : []));
        return $this->ok(['ok' => true]);
    }

    private function settings(array $b): Response
    {
        $allowed = ['mailbox_concurrency', 'rate_limit', 'access_token_lifetime', 'concurrency_retry_after', 'latency_ms', 'clock_offset',
            'refresh_token_reuse'];
        foreach ($b as $k => $v) {
            if (!in_array($k, $allowed, true)) {
                throw new \InvalidArgumentException("unknown setting '$k' (known: " . implode(', ', $allowed) . ')');
            }
        }
        if (array_key_exists('refresh_token_reuse', $b) && !in_array($b['refresh_token_reuse'], ['allow', 'refuse', null], true)) {
            throw new \InvalidArgumentException("refresh_token_reuse: 'allow' (Microsoft's behaviour, the default) or 'refuse'");
        }
        return $this->done(function () use ($b): void {
            foreach ($b as $k => $v) {
                $this->state->setSetting($k, $v);
            }
        });
    }

    private function autoconsent(array $b): Response
    {
        $on = (bool) ($b['enabled'] ?? true);
        if (isset($b['tenant'])) {
            return $this->done(fn () => $this->state->exec('UPDATE tenants SET autoconsent = ? WHERE id = ?', [(int) $on, $b['tenant']]));
        }
        return $this->setting('autoconsent', $on);
    }

    /** Move a user's refresh tokens' issue/last-use times into the past (e.g. 91 days: AADSTS700082). */
    private function ageRefreshTokens(array $b): Response
    {
        $sec = (float) ($b['seconds'] ?? 91 * 86400);
        return $this->done(fn () => isset($b['user'])
            ? $this->state->exec('UPDATE refresh_tokens SET issued = issued - ?, last_used = last_used - ? WHERE user_id = ?',
                [$sec, $sec, $this->userId($b['user'])])
            : $this->state->exec('UPDATE refresh_tokens SET issued = issued - ?, last_used = last_used - ?', [$sec, $sec]));
    }

    private function expireAccessTokens(array $b): Response
    {
        $past = $this->ctx->clock->epoch() - 1;
        return $this->done(function () use ($b, $past): void {
            if (isset($b['user'])) {
                $this->state->exec('UPDATE access_tokens SET exp = ? WHERE user_id = ?', [$past, $this->userId($b['user'])]);
            } elseif (isset($b['client_id'])) {
                $this->state->exec('UPDATE access_tokens SET exp = ? WHERE client_id = ?', [$past, $b['client_id']]);
            } else {
                $this->state->exec('UPDATE access_tokens SET exp = ?', [$past]);
            }
        });
    }

    private function consents(array $b): Response
    {
        $uid = $this->userId($b['user'] ?? '');
        $cid = (string) ($b['client_id'] ?? '');
        return $this->done(function () use ($b, $uid, $cid): void {
            $this->state->exec('DELETE FROM consents WHERE client_id = ? AND user_id = ?', [$cid, $uid]);
            if (isset($b['scopes']) && is_array($b['scopes'])) {
                $this->state->insert('consents', ['client_id' => $cid, 'user_id' => $uid, 'scopes' => Json::encode(array_values($b['scopes']))]);
            }
        });
    }

    private function shares(array $b): Response
    {
        $owner = $this->userId($b['owner'] ?? '');
        $grantee = $this->userId($b['grantee'] ?? '');
        return $this->done(fn () => !empty($b['remove'])
            ? $this->state->exec('DELETE FROM shares WHERE owner_id = ? AND grantee_id = ?', [$owner, $grantee])
            : $this->state->exec('INSERT OR IGNORE INTO shares (owner_id, grantee_id) VALUES (?, ?)', [$owner, $grantee]));
    }

    /** Update an app's credentials or registration: {client_id, secrets?, certificates?, roles?, redirect_uris?, delegated?}. */
    private function apps(array $b): Response
    {
        $app = $this->state->one('SELECT * FROM apps WHERE client_id = ?', [$b['client_id'] ?? '']);
        if ($app === null) {
            throw new \InvalidArgumentException("unknown app '" . ($b['client_id'] ?? '') . "'");
        }
        $map = ['secrets' => 'secrets', 'certificates' => 'certs', 'roles' => 'roles', 'redirect_uris' => 'redirect_uris',
            'delegated' => 'delegated'];
        return $this->done(function () use ($b, $map): void {
            foreach ($map as $k => $col) {
                if (!isset($b[$k])) {
                    continue;
                }
                $v = $k === 'secrets'
                    ? array_map(fn ($s) => ['value' => $s['value'], 'expires' => Seeder::epoch($s['expires'] ?? 4102444800)], $b[$k])
                    : $b[$k];
                $this->state->exec("UPDATE apps SET $col = ? WHERE client_id = ?", [Json::encode($v), $b['client_id']]);
            }
        });
    }
}
