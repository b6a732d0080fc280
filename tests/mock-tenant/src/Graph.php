<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Microsoft Graph v1.0, the mail part (GRAPH-FACTS §4–5): /me and /users/{id|upn},
 * mailFolders, childFolders, messages, $value, attachments, move, PATCH, $batch.
 */
final class Graph
{
    private State $state;
    private MailStore $store;
    /** @var array<string, mixed> the access token's row */
    private array $token = [];
    private bool $immutable = false;

    public function __construct(private readonly Context $ctx)
    {
        $this->state = $ctx->state;
        $this->store = new MailStore($ctx->state);
    }

    public function handle(): Response
    {
        $r = $this->ctx->request;
        $segs = $r->segments('/v1.0');
        $auth = $this->authenticate();
        if ($auth instanceof Response) {
            return $auth;
        }
        if ($segs === ['$batch']) {
            return $r->method === 'POST' ? (new Batch($this->ctx))->handle()
                : $this->methodNotAllowed();
        }
        $prefs = $r->preferences();
        $this->immutable = strcasecmp($prefs['idtype'] ?? '', 'ImmutableId') === 0;
        $resp = $this->route($segs);
        $applied = [];
        if ($this->immutable) {
            $applied[] = 'IdType="ImmutableId"';
        }
        if (isset($prefs['outlook.body-content-type'])) {
            $applied[] = 'outlook.body-content-type="' . $prefs['outlook.body-content-type'] . '"';
        }
        if ($applied !== [] && $resp->status < 400) {
            $resp->header('Preference-Applied', implode(', ', $applied));
        }
        return $resp;
    }

    /** Graph treats tokens as opaque; here they are looked up in the state (GRAPH-FACTS §2). */
    private function authenticate(): ?Response
    {
        $h = trim($this->ctx->request->header('authorization') ?? '');
        if ($h === '' || stripos($h, 'Bearer ') !== 0 || trim(substr($h, 7)) === '') {
            return Errors::unauthenticated($this->ctx, 'Access token is empty.');
        }
        $tok = trim(substr($h, 7));
        if (substr_count($tok, '.') !== 2) {
            return Errors::unauthenticated($this->ctx, "IDX14100: JWT is not well formed, there are no dots (.).\n"
                . "The token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. "
                . "(JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.");
        }
        $row = $this->state->one('SELECT * FROM access_tokens WHERE hash = ?', [hash('sha256', $tok)]);
        if ($row === null) {
            return Errors::unauthenticated($this->ctx, 'Invalid signature.');
        }
        $now = $this->ctx->clock->epoch();
        if ($now >= (int) $row['exp'] || $now < (int) $row['iat'] - 300) {
            return Errors::unauthenticated($this->ctx, 'Access token has expired or is not yet valid.');
        }
        $this->token = $row;
        $this->ctx->tokenKind = $row['kind'];
        return null;
    }

    /** @param list<string> $segs */
    private function route(array $segs): Response
    {
        $root = array_shift($segs);
        if ($root === 'me') {
            if ($this->token['kind'] !== 'delegated') {
                return Errors::badRequest($this->ctx, '/me request is only valid with delegated authentication flow.');
            }
            $user = $this->state->one('SELECT * FROM users WHERE id = ?', [$this->token['user_id']]);
        } elseif ($root === 'users' && $segs !== []) {
            $key = array_shift($segs);
            $user = $this->state->one('SELECT * FROM users WHERE tenant_id = ? AND (id = ? COLLATE NOCASE OR upn = ? COLLATE NOCASE)',
                [$this->token['tenant_id'], $key, $key]);
            if ($user === null) {
                return Errors::graph($this->ctx, 404, 'ErrorInvalidUser', "The requested user '$key' is invalid.");
            }
        } else {
            return Errors::badRequest($this->ctx, "Resource not found for the segment '" . ($root ?? '') . "'.");
        }
        if ($segs === []) {
            return $this->ctx->request->method === 'GET' ? Response::json(200, $this->userJson($user)) : $this->methodNotAllowed();
        }
        if ($user['mailbox'] !== 'enabled') {
            // Key on the code, not the status: Microsoft sends 400, 401 or 404 (GRAPH-FACTS §5).
            return Errors::graph($this->ctx, (int) $user['mailbox_status'], 'MailboxNotEnabledForRESTAPI',
                'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
        }
        $write = !in_array($this->ctx->request->method, ['GET', 'HEAD'], true);
        if (!$this->allowed($user, $write)) {
            return Errors::accessDenied($this->ctx);
        }
        $rate = (new Throttle($this->state))->overRate($this->token['client_id'], $user['id']);
        if ($rate !== null) {
            $r = Errors::graph($this->ctx, 429, 'ApplicationThrottled', 'Application is over its MailboxRequests limit.');
            $r->header('Retry-After', (string) $rate);
            return $r;
        }
        if ($this->ctx->batchLane !== null) {
            if (!($this->ctx->batchLane)($this->token['client_id'], $user, $this->token['user_id'])) {
                return $this->overConcurrency();
            }
        } else {
            $throttle = new Throttle($this->state);
            $slot = $throttle->acquire($this->token['client_id'], $user['id']);
            if ($slot === null) {
                return $this->overConcurrency();
            }
            $this->ctx->releaseSlot = fn () => $throttle->release($slot);
        }
        $this->ctx->consumeLatency();   // the latency is spent while the request holds its mailbox slot
        return $this->mailbox($user, $segs);
    }

    private function overConcurrency(): Response
    {
        $r = Errors::graph($this->ctx, 429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.');
        $r->header('Retry-After', (string) $this->state->setting('concurrency_retry_after', '1'));
        return $r;
    }

    /** Who may touch which mailbox (GRAPH-FACTS §4.1, §6). */
    private function allowed(array $user, bool $write): bool
    {
        if ($this->token['kind'] === 'app') {
            $roles = json_decode($this->token['roles'], true);
            return $write ? in_array('Mail.ReadWrite', $roles, true)
                : array_intersect(['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic.All', 'Mail.ReadBasic'], $roles) !== [];
        }
        $scp = explode(' ', $this->token['scp']);
        if ($user['id'] === $this->token['user_id']) {
            return $write ? array_intersect(['Mail.ReadWrite', 'Mail.ReadWrite.Shared'], $scp) !== []
                : array_intersect(['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'], $scp) !== [];
        }
        $shared = $this->state->value('SELECT 1 FROM shares WHERE owner_id = ? AND grantee_id = ?', [$user['id'], $this->token['user_id']]);
        if ($shared === null) {
            return false;
        }
        return $write ? in_array('Mail.ReadWrite.Shared', $scp, true)
            : array_intersect(['Mail.Read.Shared', 'Mail.ReadWrite.Shared'], $scp) !== [];
    }

    /** @return array<string, mixed> */
    private function userJson(array $u): array
    {
        return ['@odata.context' => $this->ctx->graphBase() . '/$metadata#users/$entity', 'businessPhones' => [],
            'displayName' => $u['name'], 'givenName' => null, 'jobTitle' => null, 'mail' => $u['upn'],
            'mobilePhone' => null, 'officeLocation' => null, 'preferredLanguage' => null, 'surname' => null,
            'userPrincipalName' => $u['upn'], 'id' => $u['id']];
    }

    private function methodNotAllowed(): Response
    {
        return Errors::graph($this->ctx, 405, 'BadRequest',
            "The HTTP method '{$this->ctx->request->method}' is not supported for this request.");
    }

    /** @param list<string> $segs */
    private function mailbox(array $user, array $segs): Response
    {
        $m = $this->ctx->request->method;
        $mb = $user['id'];
        $head = array_shift($segs);
        if ($head === 'mailFolders') {
            if ($segs === []) {
                $root = $this->store->folder($mb, 'msgfolderroot');
                return match ($m) {
                    'GET' => $this->listFolders($user, $root),
                    'POST' => $this->createFolder($root),
                    default => $this->methodNotAllowed(),
                };
            }
            $folderKey = array_shift($segs);
            $folder = $this->folderOrError($mb, $folderKey);
            if ($folder instanceof Response) {
                return $folder;
            }
            if ($segs === []) {
                return $m === 'GET' ? $this->json(200, $this->withSelect($this->store->folderJson($folder), MailStore::FOLDER_PROPS))
                    : $this->methodNotAllowed();
            }
            $sub = array_shift($segs);
            if ($sub === 'childFolders' && $segs === []) {
                return match ($m) {
                    'GET' => $this->listFolders($user, $folder),
                    'POST' => $this->createFolder($folder),
                    default => $this->methodNotAllowed(),
                };
            }
            if ($sub === 'messages') {
                if ($segs === []) {
                    return $m === 'GET' ? $this->listMessages($user, $folder) : $this->methodNotAllowed();
                }
                return $this->messageRoute($user, $segs);
            }
            return Errors::badRequest($this->ctx, "Resource not found for the segment '$sub'.");
        }
        if ($head === 'messages') {
            if ($segs === []) {
                return $m === 'GET' ? $this->listMessages($user, null) : $this->methodNotAllowed();
            }
            return $this->messageRoute($user, $segs);
        }
        return Errors::badRequest($this->ctx, "Resource not found for the segment '$head'.");
    }

    private function folderOrError(string $mb, string $key): array|Response
    {
        $f = $this->store->folder($mb, $key);
        if ($f !== null) {
            return $f;
        }
        if (in_array(strtolower($key), MailStore::WELL_KNOWN, true)) {
            return Errors::folderNotFound($this->ctx);
        }
        return Ids::isWellFormedFolderId($key) ? Errors::itemNotFound($this->ctx) : Errors::malformedId($this->ctx);
    }

    private function messageOrError(string $mb, string $id): array|Response
    {
        // An id whose '/' was not percent-encoded arrives cut in two: it is malformed (GRAPH-FACTS §4.1).
        if (!Ids::isWellFormedMessageId($id)) {
            return Errors::malformedId($this->ctx);
        }
        return $this->store->message($mb, $id) ?? Errors::itemNotFound($this->ctx);
    }

    /** @param list<string> $segs [id, ...] */
    private function messageRoute(array $user, array $segs): Response
    {
        $m = $this->ctx->request->method;
        $msg = $this->messageOrError($user['id'], array_shift($segs));
        if ($msg instanceof Response) {
            return $msg;
        }
        $sub = array_shift($segs);
        if ($sub === null) {
            return match ($m) {
                'GET' => $this->getMessage($user, $msg),
                'PATCH' => $this->patchMessage($user, $msg),
                default => $this->methodNotAllowed(),
            };
        }
        if ($sub === '$value' && $segs === []) {
            // Raw MIME, byte-exact, streamed from the file; the docs show Content-Type text/plain (GRAPH-FACTS §4.4).
            return $m === 'GET' ? Response::file($msg['mime_file'], 'text/plain') : $this->methodNotAllowed();
        }
        if ($sub === 'move' && $segs === []) {
            return $m === 'POST' ? $this->move($user, $msg) : $this->methodNotAllowed();
        }
        if ($sub === 'attachments') {
            if ($segs === []) {
                return $m === 'GET' ? $this->listAttachments($user, $msg) : $this->methodNotAllowed();
            }
            $a = $this->store->attachment($msg, array_shift($segs));
            if ($a === null) {
                return Errors::itemNotFound($this->ctx);
            }
            if ($segs === []) {
                $select = $this->select(['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline', 'contentId',
                    'contentLocation', 'contentBytes', 'sourceUrl', 'providerType', 'thumbnailUrl', 'previewUrl', 'permission', 'isFolder']);
                if ($select instanceof Response) {
                    return $select;
                }
                $j = ['@odata.context' => $this->ctx->graphBase() . "/\$metadata#users('{$user['id']}')/messages('"
                    . $this->msgId($msg) . "')/attachments/\$entity"] + $this->store->attachmentJson($msg, $a, $this->immutable, $select);
                return $m === 'GET' ? $this->json(200, $j) : $this->methodNotAllowed();
            }
            if ($segs === ['$value']) {
                return match ($a['kind']) {
                    'file' => Response::file($a['file'], (string) ($a['content_type'] ?: 'application/octet-stream')),
                    'item' => Response::file($a['file'], 'text/plain'),
                    // "referenceAttachment $value → HTTP 405" (GRAPH-FACTS §4.4); the code is a generic Graph one.
                    default => Errors::graph($this->ctx, 405, 'notSupported',
                        'Getting the raw contents of a reference attachment is not supported.'),
                };
            }
        }
        return Errors::badRequest($this->ctx, "Resource not found for the segment '$sub'.");
    }

    private function msgId(array $msg): string
    {
        return $this->immutable ? $msg['immutable_id'] : $msg['rest_id'];
    }

    // ------------------------------------------------------------------ folders

    private function listFolders(array $user, array $parent): Response
    {
        $q = $this->ctx->request->query;
        $hidden = strtolower($q['includeHiddenFolders'] ?? '') === 'true';
        $select = $this->select(MailStore::FOLDER_PROPS);
        if ($select instanceof Response) {
            return $select;
        }
        $rows = $this->store->childFolders($user['id'], $parent['id'], $hidden);
        $context = $parent['well_known'] === 'msgfolderroot'
            ? "users('{$user['id']}')/mailFolders" : "users('{$user['id']}')/mailFolders('{$parent['id']}')/childFolders";
        return $this->page($rows, fn ($f) => $this->withSelect($this->store->folderJson($f), MailStore::FOLDER_PROPS, $select),
            $context, 10);
    }

    private function createFolder(array $parent): Response
    {
        $b = Json::decode($this->ctx->request->body);
        if (!is_array($b) || !is_string($b['displayName'] ?? null) || trim($b['displayName']) === '') {
            return Errors::badRequest($this->ctx, 'Empty Payload. JSON content expected.', 'ErrorInvalidRequest');
        }
        try {
            $id = $this->state->tx(fn () => $this->store->createFolder($parent['mailbox'], $parent['id'], $b['displayName'],
                null, (bool) ($b['isHidden'] ?? false)));
        } catch (\DomainException) {
            return Errors::graph($this->ctx, 409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
        }
        return $this->json(201, $this->store->folderJson($this->store->folder($parent['mailbox'], $id)));
    }

    // ----------------------------------------------------------------- messages

    private const ORDERABLE = ['receivedDateTime' => 'received_ts', 'sentDateTime' => 'sent', 'createdDateTime' => 'created',
        'lastModifiedDateTime' => 'modified', 'subject' => 'subject', 'hasAttachments' => 'has_attachments',
        'isRead' => 'is_read', 'importance' => 'importance'];

    private function listMessages(array $user, ?array $folder): Response
    {
        $q = $this->ctx->request->query;
        $select = $this->select(MailStore::MESSAGE_PROPS);
        if ($select instanceof Response) {
            return $select;
        }
        $withSize = $this->expandSize();
        if ($withSize instanceof Response) {
            return $withSize;
        }
        $where = ['mailbox = ?'];
        $params = [$user['id']];
        if ($folder !== null) {
            $where[] = 'folder_id = ?';
            $params[] = $folder['id'];
        }
        $filterProps = [];
        if (isset($q['$filter'])) {
            $f = $this->parseFilter($q['$filter']);
            if ($f instanceof Response) {
                return $f;
            }
            [$fw, $fp, $filterProps] = $f;
            $where = array_merge($where, $fw);
            $params = array_merge($params, $fp);
        }
        $order = 'received_ts DESC, seq DESC';        // default: newest first
        if (isset($q['$orderby'])) {
            $parts = [];
            $props = [];
            foreach (explode(',', $q['$orderby']) as $ob) {
                if (!preg_match('/^\s*(\w+)(?:\s+(asc|desc))?\s*$/i', $ob, $mm) || !isset(self::ORDERABLE[$mm[1]])) {
                    return Errors::badRequest($this->ctx, "Invalid \$orderby expression '{$q['$orderby']}'.");
                }
                $props[] = $mm[1];
                $parts[] = self::ORDERABLE[$mm[1]] . ' ' . strtoupper($mm[2] ?? 'asc');
            }
            // $orderby properties must also be in $filter, first and in the same order (GRAPH-FACTS §4.3).
            if (isset($q['$filter']) && array_slice($filterProps, 0, count($props)) !== $props) {
                return Errors::badRequest($this->ctx, 'The restriction or sort order is too complex for this operation.', 'InefficientFilter');
            }
            $dir = str_contains($parts[0], 'DESC') ? 'DESC' : 'ASC';
            $order = implode(', ', $parts) . ", seq $dir";
        }
        $sql = 'FROM messages WHERE ' . implode(' AND ', $where);
        // Only the page's rows are read in full: a mailbox of 1000 messages of 20 KB each is 20 MB.
        $rows = [
            'total' => fn (): int => (int) $this->state->value("SELECT COUNT(*) $sql", $params),
            'slice' => fn (int $skip, ?int $top): array => $this->state->all("SELECT * $sql ORDER BY $order LIMIT ? OFFSET ?",
                [...$params, $top ?? -1, $skip]),
        ];
        $ctxPath = $folder === null ? "users('{$user['id']}')/messages" : "users('{$user['id']}')/mailFolders('{$folder['id']}')/messages";
        if ($select !== null) {
            $ctxPath .= '(' . implode(',', $select) . ')';
        }
        return $this->page($rows, fn ($m) => $this->store->messageJson($m, $this->immutable, $select, $withSize), $ctxPath, 10);
    }

    /**
     * $filter subset: (received|sent|created|lastModified)DateTime ge|gt|le|lt|eq <ISO 8601>,
     * hasAttachments/isRead eq true|false, subject/internetMessageId eq '...', joined by "and".
     * @return array{0: list<string>, 1: list<mixed>, 2: list<string>}|Response [where, params, properties in order]
     */
    private function parseFilter(string $filter): array|Response
    {
        $where = [];
        $params = [];
        $props = [];
        $ops = ['eq' => '=', 'ne' => '!=', 'ge' => '>=', 'gt' => '>', 'le' => '<=', 'lt' => '<'];
        foreach (preg_split('/\s+and\s+/i', trim($filter)) as $cond) {
            if (preg_match('/^\(?\s*(receivedDateTime|sentDateTime|createdDateTime|lastModifiedDateTime)\s+(eq|ne|ge|gt|le|lt)\s+'
                . '(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)\s*\)?$/i', $cond, $m)) {
                $ts = strtotime($m[3]);
                if ($ts === false) {
                    return Errors::badRequest($this->ctx, 'Invalid filter clause');
                }
                $col = self::ORDERABLE[$m[1]];
                $where[] = "$col " . $ops[strtolower($m[2])] . ' ?';
                $params[] = $col === 'received_ts' ? $ts : Clock::iso($ts);
                $props[] = $m[1];
            } elseif (preg_match('/^\(?\s*(hasAttachments|isRead)\s+(eq|ne)\s+(true|false)\s*\)?$/i', $cond, $m)) {
                $where[] = self::ORDERABLE[$m[1]] . ' ' . $ops[strtolower($m[2])] . ' ?';
                $params[] = (int) (strtolower($m[3]) === 'true');
                $props[] = $m[1];
            } elseif (preg_match("/^\(?\s*(subject|internetMessageId)\s+eq\s+'((?:[^']|'')*)'\s*\)?$/", $cond, $m)) {
                $where[] = ($m[1] === 'subject' ? 'subject' : 'internet_message_id') . ' = ?';
                $params[] = str_replace("''", "'", $m[2]);
                $props[] = $m[1];
            } else {
                return Errors::badRequest($this->ctx, 'Invalid filter clause');
            }
        }
        return [$where, $params, array_values(array_unique($props))];
    }

    /** $expand=singleValueExtendedProperties($filter=id eq 'Integer 0x0E08') → the size (PR_MESSAGE_SIZE). */
    private function expandSize(): bool|Response
    {
        $e = $this->ctx->request->query['$expand'] ?? null;
        if ($e === null) {
            return false;
        }
        if (preg_match("/^singleValueExtendedProperties\(\\\$filter=id\s+eq\s+'Integer\s+0x0*E08'\)$/i", trim($e))) {
            return true;
        }
        if (preg_match('/^singleValueExtendedProperties\(.*\)$/i', trim($e))) {
            return false;   // another property: not set on these items, so Graph omits it
        }
        return Errors::badRequest($this->ctx, "Parsing OData Select and Expand failed: Could not find a property named '"
            . preg_replace('/\(.*$/', '', $e) . "' on type 'microsoft.graph.message'.");
    }

    private function getMessage(array $user, array $msg): Response
    {
        $select = $this->select(MailStore::MESSAGE_PROPS);
        if ($select instanceof Response) {
            return $select;
        }
        $size = $this->expandSize();
        if ($size instanceof Response) {
            return $size;
        }
        $j = ['@odata.context' => $this->ctx->graphBase() . "/\$metadata#users('{$user['id']}')/messages/\$entity"]
            + $this->store->messageJson($msg, $this->immutable, $select, $size);
        return $this->json(200, $j);
    }

    private function patchMessage(array $user, array $msg): Response
    {
        $b = Json::decode($this->ctx->request->body);
        if (!is_array($b)) {
            return Errors::badRequest($this->ctx, 'Empty Payload. JSON content expected.', 'ErrorInvalidRequest');
        }
        $set = [];
        foreach ($b as $k => $v) {
            if ($k === 'isRead' && is_bool($v)) {
                $set['is_read'] = (int) $v;
            } elseif ($k === 'categories' && is_array($v) && array_is_list($v) && count(array_filter($v, 'is_string')) === count($v)) {
                $set['categories'] = Json::encode($v);
            } elseif ($k === 'importance' && in_array($v, ['low', 'normal', 'high'], true)) {
                $set['importance'] = $v;
            } elseif (in_array($k, ['flag', 'inferenceClassification'], true)) {
                continue;
            } else {
                return Errors::badRequest($this->ctx, "The property '$k' does not exist on type 'microsoft.graph.message' or is "
                    . 'read-only, or its value is invalid.', 'ErrorInvalidProperty');
            }
        }
        $set['change_key'] = Ids::changeKey();
        $set['modified'] = Clock::iso($this->ctx->clock->epoch());
        $this->state->tx(function () use ($set, $msg): void {
            $cols = implode(', ', array_map(fn ($c) => "$c = ?", array_keys($set)));
            $this->state->exec("UPDATE messages SET $cols WHERE immutable_id = ?", [...array_values($set), $msg['immutable_id']]);
        });
        $row = $this->state->one('SELECT * FROM messages WHERE immutable_id = ?', [$msg['immutable_id']]);
        return $this->json(200, ['@odata.context' => $this->ctx->graphBase() . "/\$metadata#users('{$user['id']}')/messages/\$entity"]
            + $this->store->messageJson($row, $this->immutable, null, false));
    }

    /** 201 + the message in its new folder; the REST id changes, the immutable id does not (GRAPH-FACTS §4.5). */
    private function move(array $user, array $msg): Response
    {
        $b = Json::decode($this->ctx->request->body);
        if (!is_array($b) || !is_string($b['destinationId'] ?? null) || $b['destinationId'] === '') {
            return Errors::badRequest($this->ctx, "The 'destinationId' parameter is required.", 'ErrorInvalidParameter');
        }
        $dest = $this->folderOrError($user['id'], $b['destinationId']);
        if ($dest instanceof Response) {
            return $dest;
        }
        $row = $this->state->tx(function () use ($msg, $dest) {
            // Re-read under the write lock: a concurrent move may already have taken this id away.
            $cur = $this->state->one('SELECT * FROM messages WHERE immutable_id = ? AND (rest_id = ? OR immutable_id = ?)',
                [$msg['immutable_id'], $msg['rest_id'], $msg['immutable_id']]);
            return $cur === null ? null : $this->store->move($cur, $dest['id'], $this->ctx->clock->epoch());
        });
        if ($row === null) {
            return Errors::itemNotFound($this->ctx);
        }
        return $this->json(201, ['@odata.context' => $this->ctx->graphBase() . "/\$metadata#users('{$user['id']}')/messages/\$entity"]
            + $this->store->messageJson($row, $this->immutable, null, false));
    }

    private function listAttachments(array $user, array $msg): Response
    {
        $select = $this->select(['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline', 'contentId',
            'contentLocation', 'contentBytes', 'sourceUrl', 'providerType', 'thumbnailUrl', 'previewUrl', 'permission', 'isFolder']);
        if ($select instanceof Response) {
            return $select;
        }
        $rows = $this->store->attachments($msg);
        return $this->page($rows, fn ($a) => $this->store->attachmentJson($msg, $a, $this->immutable, $select),
            "users('{$user['id']}')/messages('" . $this->msgId($msg) . "')/attachments", null);
    }

    // ------------------------------------------------------------------ helpers

    /** @return list<string>|null|Response the $select list (null = all) */
    private function select(array $allowed): array|null|Response
    {
        $s = $this->ctx->request->query['$select'] ?? null;
        if ($s === null || trim($s) === '') {
            return null;
        }
        $out = [];
        foreach (explode(',', $s) as $p) {
            $p = trim($p);
            if ($p === 'id') {
                continue;
            }
            if (!in_array($p, $allowed, true)) {
                return Errors::badRequest($this->ctx, "Could not find a property named '$p' on type 'microsoft.graph.message'.",
                    'RequestBroker--ParseUri');
            }
            $out[] = $p;
        }
        return $out;
    }

    /** @param list<string>|null $select */
    private function withSelect(array $json, array $props, ?array $select = null): array
    {
        if ($select === null) {
            $select = $this->ctx->request->query['$select'] ?? null;
            $select = $select === null ? null : array_map('trim', explode(',', $select));
        }
        if ($select === null) {
            return $json;
        }
        return array_filter($json, fn ($k) => in_array($k, ['id', '@odata.type'], true) || in_array($k, $select, true)
            || !in_array($k, $props, true), ARRAY_FILTER_USE_KEY);
    }

    /**
     * One page of a collection: $top (1..1000), $skip, $count; @odata.nextLink is an absolute URL on
     * this server's own origin that keeps every query option and advances $skip (GRAPH-FACTS §4.3).
     * $skip is a plain offset evaluated at request time, as at Graph: moving items out of a folder
     * while paging through it shifts the later pages.
     */
    /**
     * @param list<array<string, mixed>>|array{total: callable(): int, slice: callable(int, ?int): list<array<string, mixed>>} $rows
     *   the whole collection, or how to count it and read one slice of it
     */
    private function page(array $rows, callable $toJson, string $contextPath, ?int $defaultTop): Response
    {
        $q = $this->ctx->request->query;
        $top = $defaultTop;
        if (isset($q['$top'])) {
            if (!preg_match('/^\d+$/', $q['$top']) || (int) $q['$top'] < 1 || (int) $q['$top'] > 1000) {
                return Errors::badRequest($this->ctx, "The value of the parameter '\$top' is invalid. It must be between 1 and 1000.",
                    'ErrorInvalidUrlQuery');
            }
            $top = (int) $q['$top'];
        }
        $skip = 0;
        if (isset($q['$skip'])) {
            if (!preg_match('/^\d+$/', $q['$skip'])) {
                return Errors::badRequest($this->ctx, "The value of the parameter '\$skip' is invalid.", 'ErrorInvalidUrlQuery');
            }
            $skip = (int) $q['$skip'];
        }
        if (isset($rows['total'])) {
            [$total, $slice] = $this->state->snapshot(fn () => [($rows['total'])(), ($rows['slice'])($skip, $top)]);
        } else {
            $total = count($rows);
            $slice = $top === null ? array_slice($rows, $skip) : array_slice($rows, $skip, $top);
        }
        $out = ['@odata.context' => $this->ctx->graphBase() . '/$metadata#' . $contextPath];
        if (strtolower($q['$count'] ?? '') === 'true') {
            $out['@odata.count'] = $total;
        }
        $out['value'] = array_map($toJson, $slice);
        if ($top !== null && $skip + $top < $total) {
            $next = $q;
            $next['$top'] = (string) $top;
            $next['$skip'] = (string) ($skip + $top);
            $qs = implode('&', array_map(fn ($k, $v) => rawurlencode((string) $k) . '=' . rawurlencode((string) $v),
                array_keys($next), $next));
            $out['@odata.nextLink'] = $this->ctx->origin . $this->ctx->request->path . '?' . $qs;
        }
        return $this->json(200, $out);
    }

    private function json(int $status, array $data): Response
    {
        return Response::json($status, $data);
    }
}
