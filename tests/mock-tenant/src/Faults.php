<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Fault injection rules (POST /_mock/faults). A rule:
 *   method      "GET" | "POST" | ... | "*" (default "*")
 *   path        PCRE (no delimiters) matched against the raw request target (path + query,
 *               still percent-encoded); for a $batch member: "/v1.0" + its url
 *   batch_member  false (default: top-level HTTP requests only) | true (members only) | "any"
 *   nth         fire on the Nth matching request (counting from 1)
 *   times       fire this many times (default: 1 when nth is given, else unlimited)
 *   action      status | drop | truncate | invalid_json | html | delay | delete_message | gzip_truncated | gzip_bad_crc | rewrite
 *   status, retry_after (verbatim string), code, message (Graph) / error, aadsts, suberror (identity),
 *   style ("graph" | "identity", default from the path), headers {name: value}, delay_ms,
 *   execute (drop: run the request before dropping), message_id / subject, move_to (delete_message),
 *   set {key: value} (rewrite: top-level keys of the real JSON answer replaced, null removes one)
 *   body_json (replace_body on a $batch member: the member keeps its real status and headers, its
 *               "body" becomes this JSON text verbatim, e.g. 'null' or '""' — what a broken answer looks like)
 *   body      (replace_body on a top-level request: real status and headers, this body, e.g. '')
 */
final class Faults
{
    public const ACTIONS = ['status', 'drop', 'truncate', 'invalid_json', 'html', 'delay', 'delete_message', 'gzip_truncated',
        'gzip_bad_crc', 'rewrite', 'replace_body'];
    private const MEMBER_ACTIONS = ['status', 'delay', 'delete_message', 'replace_body'];

    public function __construct(private readonly State $state)
    {
    }

    /** @param array<string, mixed> $rule @return int rule id */
    public function add(array $rule): int
    {
        $rule['action'] ??= isset($rule['status']) ? 'status' : (isset($rule['delay_ms']) ? 'delay' : null);
        if (!in_array($rule['action'], self::ACTIONS, true)) {
            throw new \InvalidArgumentException('action must be one of ' . implode(', ', self::ACTIONS));
        }
        $rule['path'] ??= '.*';
        if (@preg_match(self::regex($rule['path']), '') === false) {
            throw new \InvalidArgumentException('path is not a valid regular expression');
        }
        if (($rule['batch_member'] ?? false) !== false && !in_array($rule['action'], self::MEMBER_ACTIONS, true)) {
            throw new \InvalidArgumentException('a batch member rule can only use ' . implode(', ', self::MEMBER_ACTIONS));
        }
        if ($rule['action'] === 'status' && !isset($rule['status'])) {
            throw new \InvalidArgumentException('action status needs "status"');
        }
        if ($rule['action'] === 'replace_body' && !is_string($rule[($rule['batch_member'] ?? false) === false ? 'body' : 'body_json'] ?? null)) {
            throw new \InvalidArgumentException('action replace_body needs "body" (a request) or "body_json" (a $batch member)');
        }
        if ($rule['action'] === 'rewrite' && (!isset($rule['set']) || !is_array($rule['set']))) {
            throw new \InvalidArgumentException('action rewrite needs "set": {key: value}');
        }
        return $this->state->tx(function () use ($rule): int {
            $this->state->insert('faults', ['rule' => Json::encode($rule)]);
            return (int) $this->state->db->lastInsertId();
        });
    }

    private static function regex(string $body): string
    {
        return '~' . str_replace('~', '\~', $body) . '~';
    }

    /** The rule that fires for this request, if any (all matching rules count the request). @return array<string, mixed>|null */
    public function match(Request $req): ?array
    {
        if ((int) $this->state->value('SELECT COUNT(*) FROM faults') === 0) {
            return null;
        }
        return $this->state->tx(function () use ($req): ?array {
            $fired = null;
            foreach ($this->state->all('SELECT * FROM faults ORDER BY id') as $row) {
                $rule = json_decode($row['rule'], true);
                $scope = $rule['batch_member'] ?? false;
                if (($scope === true && !$req->batchMember) || ($scope === false && $req->batchMember)) {
                    continue;
                }
                $m = strtoupper((string) ($rule['method'] ?? '*'));
                if ($m !== '*' && $m !== $req->method) {
                    continue;
                }
                if (!preg_match(self::regex($rule['path']), $req->target())) {
                    continue;
                }
                $seen = (int) $row['seen'] + 1;
                $nth = isset($rule['nth']) ? (int) $rule['nth'] : null;
                $times = isset($rule['times']) ? (int) $rule['times'] : ($nth !== null ? 1 : null);
                $fires = $fired === null && ($nth === null || $seen >= $nth) && ($times === null || (int) $row['fired'] < $times);
                $this->state->exec('UPDATE faults SET seen = ?, fired = fired + ? WHERE id = ?', [$seen, (int) $fires, $row['id']]);
                if ($fires) {
                    $fired = $rule + ['id' => (int) $row['id']];
                }
            }
            return $fired;
        });
    }

    /** The response of a "status" rule, in Graph's or the identity platform's error shape. */
    public static function statusResponse(Context $ctx, array $rule): Response
    {
        $status = (int) $rule['status'];
        $identity = ($rule['style'] ?? (preg_match('~/oauth2/~', $ctx->request->path) ? 'identity' : 'graph')) === 'identity';
        if ($identity) {
            $r = Errors::idp($ctx, $status, (string) ($rule['error'] ?? ($status >= 500 || $status === 429 ? 'temporarily_unavailable' : 'invalid_request')),
                (int) ($rule['aadsts'] ?? ($status === 429 ? 50196 : 90033)),
                (string) ($rule['message'] ?? ($status === 429 ? 'The server terminated an operation because it encountered a client request loop. Please try again later.'
                    : 'A transient error has occurred. Please try again.')), $rule['suberror'] ?? null);
        } else {
            [$code, $message] = match (true) {
                $status === 429 => ['TooManyRequests', 'Please retry again later.'],
                $status === 503 => ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry after a delay.'],
                $status === 504 => ['UnknownError', 'Gateway timeout.'],
                $status === 401 => ['InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
                $status === 403 => ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
                $status === 404 => ['ErrorItemNotFound', 'The specified object was not found in the store.'],
                $status >= 500 => ['generalException', 'An unexpected error occurred.'],
                default => ['BadRequest', 'Bad request.'],
            };
            $inner = $status === 429 && !isset($rule['code'])
                ? ['code' => '429', 'message' => 'Please retry after', 'status' => '429'] : [];
            $r = Errors::graph($ctx, $status, (string) ($rule['code'] ?? $code), (string) ($rule['message'] ?? $message), $inner);
            if ($status === 401) {
                $r = Errors::unauthenticated($ctx, (string) ($rule['message'] ?? $message));
            }
        }
        if (isset($rule['retry_after'])) {
            $r->header('Retry-After', (string) $rule['retry_after']);
        }
        foreach ((array) ($rule['headers'] ?? []) as $k => $v) {
            $r->header((string) $k, (string) $v);
        }
        return $r;
    }

    /** What a proxy in front of Graph sends when the backend is gone. */
    public static function htmlResponse(array $rule): Response
    {
        $status = (int) ($rule['status'] ?? 502);
        $text = $status === 503 ? '503 Service Unavailable' : ($status === 504 ? '504 Gateway Time-out' : '502 Bad Gateway');
        $r = Response::html($status, "<html>\r\n<head><title>$text</title></head>\r\n<body>\r\n<center><h1>$text</h1></center>\r\n"
            . "<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n");
        if (isset($rule['retry_after'])) {
            $r->header('Retry-After', (string) $rule['retry_after']);
        }
        return $r;
    }

    public static function invalidJsonResponse(Context $ctx, array $rule): Response
    {
        $r = new Response((int) ($rule['status'] ?? 200), '{"@odata.context":"' . $ctx->graphBase()
            . '/$metadata#users(\'x\')/messages","value":[{"@odata.etag":"W/\"CQAAABYAAAA\"","id":"AAMkAGI2');
        $r->header('Content-Type', Response::GRAPH_JSON);
        return $r;
    }

    /** rewrite: the real JSON answer with some top-level keys replaced (e.g. an @odata.nextLink to another host). */
    public static function rewrite(Response $r, array $rule): Response
    {
        // Any JSON answer: Graph's, and the identity platform's (not gzip-able, so ->json is false there).
        $data = json_decode($r->body, true);
        if (!is_array($data)) {
            return $r;
        }
        foreach ($rule['set'] as $k => $v) {
            if ($v === null) {
                unset($data[$k]);
            } else {
                $data[$k] = $v;
            }
        }
        $r->body = Json::encode($data);
        return $r;
    }

    /** delete_message / move: what a human does in Outlook while the client works. */
    public static function applySideEffect(State $state, array $rule): void
    {
        $row = null;
        if (isset($rule['message_id'])) {
            $row = $state->one('SELECT * FROM messages WHERE rest_id = ? OR immutable_id = ? OR internet_message_id = ?',
                [$rule['message_id'], $rule['message_id'], $rule['message_id']]);
        } elseif (isset($rule['subject'])) {
            $row = $state->one('SELECT * FROM messages WHERE subject = ? ORDER BY seq LIMIT 1', [$rule['subject']]);
        }
        if ($row === null) {
            return;
        }
        $store = new MailStore($state);
        $state->tx(function () use ($state, $store, $row, $rule): void {
            if (isset($rule['move_to'])) {
                $dest = $store->folderByPath($row['mailbox'], (string) $rule['move_to']);
                if ($dest !== null) {
                    $store->move($row, $dest['id'], time());
                }
                return;
            }
            $state->exec('DELETE FROM attachments WHERE message_id = ?', [$row['immutable_id']]);
            $state->exec('DELETE FROM messages WHERE immutable_id = ?', [$row['immutable_id']]);
        });
    }
}
