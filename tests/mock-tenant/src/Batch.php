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
 * Fan-out (GRAPH-FACTS §4.6, §5): Graph hands at most 4 members of a batch to a mailbox at a
 * time, one at a time when they are chained by dependsOn, and each of those counts against
 * the mailbox's 4-request limit. Members run one after another in this worker, so the batch
 * takes the slots of its fan-out up front — per mailbox min(4, the widest level of its
 * members' dependsOn graph): 4 for 20 unordered members, 1 for a chain — and holds them
 * until its answer (latency included) is done. Members go round the fan-out's lanes in
 * execution order; a member whose lane got no slot (the mailbox was busy) gets an inner
 * 429 ApplicationThrottled "MailboxConcurrency" with Retry-After, like a top-level request.
 * Headers of the outer request are not copied into members, except Authorization:
 * a member that wants immutable ids must carry its own Prefer header.
 */
final class Batch
{
    public const MAX = 20;
    /** Members Graph sends to one mailbox at a time (GRAPH-FACTS §4.6). */
    public const FAN_OUT = 4;
    /** @var list<array{ctx: Context, status: int, ms: float, id: string}> for the request log */
    public static array $memberLog = [];

    /** @var array<string, string> member id => the mailbox its url names ("me" or a lower-cased id/upn) */
    private array $target = [];
    /** @var array<string, int> member id => its depth in the dependsOn graph */
    private array $level = [];
    /** @var array<string, array{width: int, slots: list<int>, next: int}> "app mailbox" => fan-out */
    private array $lanes = [];

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

        // Execution order: repeated passes in payload order, each taking the members whose dependencies are done.
        $order = [];
        $pending = $byId;
        while ($pending !== []) {
            $progress = false;
            foreach ($pending as $id => $r) {
                $deps = array_map('strval', (array) ($r['dependsOn'] ?? []));
                if (array_diff($deps, array_keys($this->level)) !== []) {
                    continue;
                }
                unset($pending[$id]);
                $progress = true;
                $this->level[(string) $id] = $deps === [] ? 0 : 1 + max(array_map(fn ($d) => $this->level[$d], $deps));
                $order[] = (string) $id;
            }
            if (!$progress) {
                return Errors::badRequest($this->ctx, 'Invalid batch payload format.');    // a dependency cycle
            }
        }
        foreach ($byId as $id => $r) {
            $segs = explode('/', ltrim(explode('?', $r['url'], 2)[0], '/'));
            $this->target[(string) $id] = $segs[0] === 'me' ? 'me' : strtolower(rawurldecode($segs[1] ?? ''));
        }
        $results = [];
        $throttle = new Throttle($this->ctx->state);
        $this->ctx->releaseSlot = function () use ($throttle): void {
            foreach ($this->lanes as $k => $l) {
                $throttle->release($l['slots']);
                $this->lanes[$k]['slots'] = [];
            }
        };
        try {
            foreach ($order as $id) {
                $r = $byId[$id];
                $deps = array_map('strval', (array) ($r['dependsOn'] ?? []));
                $failed = array_filter($deps, fn ($d) => $results[$d]['status'] >= 400);
                $results[$id] = $failed !== []
                    ? $this->memberError($id, 424, 'FailedDependency', 'The request depends on a request that failed.')
                    : $this->runMember($id, $r);
            }
            $this->ctx->consumeLatency();   // once per HTTP request, while the batch holds its fan-out's slots
        } finally {
            $this->ctx->release();
        }
        $out = array_values($results);
        // "responses may come back in any order": shuffled, reproducibly for the same payload.
        $out = (new \Random\Randomizer(new \Random\Engine\Mt19937(crc32($this->ctx->request->body))))->shuffleArray($out);
        // Spliced by hand: a member's JSON body goes in as the text Json::encode() made of it (the
        // bytes a decode and re-encode would give) and a base64 body as is, without parsing or
        // escaping 20 × 140 KB of contentBytes again.
        $parts = [];
        foreach ($out as $m) {
            $raw = $m['rawJson'] ?? null;
            unset($m['rawJson']);
            $parts[] = $raw === null ? Json::encode($m) : substr(Json::encode($m), 0, -1) . ',"body":' . $raw . '}';
        }
        $r = Response::json(200, []);
        $r->body = '{"responses":[' . implode(',', $parts) . ']}';
        return $r;
    }

    /**
     * Whether the next member addressed to $user's mailbox runs on a lane that holds a slot. The
     * first member for a mailbox takes the slots of the batch's fan-out to it.
     */
    private function lane(string $app, array $user, ?string $tokenUser): bool
    {
        $key = $app . ' ' . $user['id'];
        if (!isset($this->lanes[$key])) {
            $perLevel = [];
            foreach ($this->target as $mid => $t) {
                if ($t === strtolower($user['id']) || $t === strtolower($user['upn']) || ($t === 'me' && $tokenUser === $user['id'])) {
                    $perLevel[$this->level[$mid]] = ($perLevel[$this->level[$mid]] ?? 0) + 1;
                }
            }
            $width = max(1, min(self::FAN_OUT, $perLevel === [] ? 1 : max($perLevel)));
            $this->lanes[$key] = ['width' => $width, 'next' => 0,
                'slots' => (new Throttle($this->ctx->state))->acquireUpTo($app, $user['id'], $width)];
        }
        $l = &$this->lanes[$key];
        return $l['next']++ % $l['width'] < count($l['slots']);
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
        $mctx->batchLane = fn (string $app, array $user, ?string $tokenUser): bool => $this->lane($app, $user, $tokenUser);
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
            // JSON bodies are embedded as objects; anything else as a base64 string (Graph's documented behaviour).
            if ($resp->json && $resp->file === null && str_starts_with($ct, 'application/json')) {
                $out['rawJson'] = $bytes;   // made by Json::encode() from arrays: embedded verbatim in handle()
            } else {
                $json = str_starts_with($ct, 'application/json') ? Json::decode($bytes) : null;
                // base64 needs no JSON escaping: its JSON string is the text in quotes
                $out[$json === null ? 'rawJson' : 'body'] = $json ?? '"' . base64_encode($bytes) . '"';
            }
        }
        if ($rule !== null && $rule['action'] === 'replace_body') {
            unset($out['body']);
            $out['rawJson'] = $rule['body_json'];
        }
        return $out;
    }
}
