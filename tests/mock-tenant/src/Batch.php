<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * POST /v1.0/$batch (GRAPH-FACTS §4.6): at most 20 members; member URLs are relative
 * to the version ("/users/…"); dependsOn, and 424 for dependents of a failed member;
 * members are throttled one by one (an inner 429 with its own Retry-After while the
 * batch itself is 200); responses come back in a shuffled order; a non-JSON member
 * body (MIME, attachment bytes) is base64-encoded into a JSON string.
 *
 * Members run one after another in this worker, so at most one member of a batch
 * is in flight against the mailbox at a time (Graph allows up to 4).
 * Headers of the outer request are not copied into members, except Authorization:
 * a member that wants immutable ids must carry its own Prefer header.
 */
final class Batch
{
    public const MAX = 20;
    /** @var list<array{ctx: Context, status: int, ms: float, id: string}> for the request log */
    public static array $memberLog = [];

    public function __construct(private readonly Context $ctx)
    {
    }

    public function handle(): Response
    {
        $b = Json::decode($this->ctx->request->body);
        if (!is_array($b) || !isset($b['requests']) || !is_array($b['requests']) || !array_is_list($b['requests'])) {
            return Errors::badRequest($this->ctx, 'Invalid batch payload format.');
        }
        $reqs = $b['requests'];
        if (count($reqs) === 0) {
            return Errors::badRequest($this->ctx, 'Invalid batch payload format.');
        }
        if (count($reqs) > self::MAX) {
            return Errors::badRequest($this->ctx, 'The number of requests in the batch exceeds the maximum of 20.');
        }
        $byId = [];
        foreach ($reqs as $r) {
            if (!is_array($r) || !isset($r['id'], $r['method'], $r['url']) || !is_scalar($r['id'])
                || !is_string($r['method']) || !is_string($r['url'])
                || preg_match('~^[a-z][a-z0-9+.-]*://~i', $r['url'])         // absolute URLs are refused
                || (isset($r['body']) && !isset(array_change_key_case((array) ($r['headers'] ?? []))['content-type']))
                || isset($byId[(string) $r['id']])) {
                return Errors::badRequest($this->ctx, 'Invalid batch payload format.');
            }
            $byId[(string) $r['id']] = $r;
        }
        foreach ($byId as $r) {
            foreach ((array) ($r['dependsOn'] ?? []) as $dep) {
                if (!isset($byId[(string) $dep])) {
                    return Errors::badRequest($this->ctx, 'Invalid batch payload format.');
                }
            }
        }

        $results = [];
        $pending = $byId;
        while ($pending !== []) {
            $progress = false;
            foreach ($pending as $id => $r) {
                $deps = array_map('strval', (array) ($r['dependsOn'] ?? []));
                if (array_diff($deps, array_keys($results)) !== []) {
                    continue;
                }
                unset($pending[$id]);
                $progress = true;
                $failed = array_filter($deps, fn ($d) => $results[$d]['status'] >= 400);
                $results[$id] = $failed !== []
                    ? $this->memberError((string) $id, 424, 'FailedDependency', 'The request depends on a request that failed.')
                    : $this->runMember((string) $id, $r);
            }
            if (!$progress) {
                return Errors::badRequest($this->ctx, 'Invalid batch payload format.');    // a dependency cycle
            }
        }
        $out = array_values($results);
        // "responses may come back in any order": shuffled, reproducibly for the same payload.
        $out = (new \Random\Randomizer(new \Random\Engine\Mt19937(crc32($this->ctx->request->body))))->shuffleArray($out);
        return Response::json(200, ['responses' => $out]);
    }

    /** @return array<string, mixed> */
    private function memberError(string $id, int $status, string $code, string $message): array
    {
        $r = Errors::graph($this->ctx, $status, $code, $message);
        return ['id' => $id, 'status' => $status, 'headers' => ['Content-Type' => 'application/json'],
            'body' => Json::decode($r->body)];
    }

    /** @return array<string, mixed> */
    private function runMember(string $id, array $r): array
    {
        $t0 = microtime(true);
        $url = $r['url'];
        $url = str_starts_with($url, '/') ? $url : '/' . $url;
        $q = strpos($url, '?');
        $headers = array_map('strval', (array) ($r['headers'] ?? []));
        $auth = $this->ctx->request->header('authorization');
        if ($auth !== null) {
            $headers['Authorization'] = $auth;
        }
        $headers['Host'] = $this->ctx->request->header('host') ?? '';
        $body = $r['body'] ?? '';
        if (!is_string($body)) {
            $body = Json::encode($body);
        }
        $req = new Request(strtoupper($r['method']), '/v1.0' . ($q === false ? $url : substr($url, 0, $q)),
            $q === false ? '' : substr($url, $q + 1), $headers, $body, true, $id);
        $mctx = $this->ctx->forMember($req);
        $rule = (new Faults($this->ctx->state))->match($req);
        $resp = null;
        if ($rule !== null) {
            $mctx->faultNotes[] = $rule['action'] . '#' . $rule['id'];
            if (isset($rule['delay_ms'])) {
                usleep((int) $rule['delay_ms'] * 1000);
            }
            if ($rule['action'] === 'status') {
                $resp = Faults::statusResponse($mctx, $rule);
            }
        }
        try {
            $resp ??= (new Graph($mctx))->handle();
        } finally {
            $mctx->release();
        }
        if ($rule !== null && $rule['action'] === 'delete_message') {
            Faults::applySideEffect($this->ctx->state, $rule);
        }
        self::$memberLog[] = ['ctx' => $mctx, 'status' => $resp->status, 'ms' => (microtime(true) - $t0) * 1000, 'id' => $id];

        $h = [];
        foreach ($resp->headers as [$k, $v]) {
            if (in_array(strtolower($k), ['content-type', 'retry-after', 'preference-applied', 'location', 'www-authenticate'], true)) {
                $h[$k] = $v;
            }
        }
        $out = ['id' => $id, 'status' => $resp->status, 'headers' => $h];
        $bytes = $resp->bodyBytes();
        if ($bytes !== '') {
            $ct = strtolower($resp->getHeader('Content-Type') ?? '');
            $json = str_starts_with($ct, 'application/json') ? Json::decode($bytes) : null;
            // JSON bodies are embedded as objects; anything else as a base64 string (Graph's documented behaviour).
            $out['body'] = $json ?? base64_encode($bytes);
        }
        return $out;
    }
}
