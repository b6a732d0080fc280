<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Entry of every HTTP request: control API, fault injection, identity platform,
 * Graph, request log, and writing the response to the wire.
 */
final class Router
{
    public static function run(): void
    {
        ignore_user_abort(true);    // finish bookkeeping (slot release, log) even if the client goes away
        $t0 = microtime(true);
        $req = Request::fromGlobals();
        $state = State::fromEnv();
        $clock = Clock::of($state);
        // Behind tls-proxy.php the client spoke https to the proxy's port (the Host header's)
        $scheme = $req->header('x-forwarded-proto') === 'https' ? 'https' : 'http';
        $origin = $scheme . '://' . ($req->header('host') ?? ($_SERVER['SERVER_NAME'] . ':' . $_SERVER['SERVER_PORT']));

        if ($req->path === '/_mock' || str_starts_with($req->path, '/_mock/')) {
            $ctx = new Context($state, $clock, $req, $origin);
            try {
                $resp = (new Control($ctx))->handle();
            } catch (\Throwable $e) {
                error_log('mock-tenant control: ' . $e);
                $resp = Response::json(500, ['error' => $e->getMessage()], 'application/json');
            }
            self::send($ctx, $resp, false);
            return;
        }
        $throttle = new Throttle($state);
        $throttle->forgetOwnSlots();
        $ctx = new Context($state, $clock, $req, $origin, (int) $state->setting('latency_ms', 0));
        register_shutdown_function(fn () => $ctx->release());
        Batch::$memberLog = [];

        if ($req->method === 'POST' && preg_match('~^/[^/]+/oauth2/v2\.0/token$~', $req->path)) {
            // described before any fault fires, so the log names the grant of a failed token request too
            Identity::describeForLog($ctx);
        }
        $rule = (new Faults($state))->match($req);
        $resp = null;
        if ($rule !== null) {
            $ctx->faultNotes[] = $rule['action'] . '#' . $rule['id'];
            if (isset($rule['delay_ms'])) {
                usleep((int) $rule['delay_ms'] * 1000);
            }
            $resp = match ($rule['action']) {
                'status' => Faults::statusResponse($ctx, $rule),
                'html' => Faults::htmlResponse($rule),
                'invalid_json' => Faults::invalidJsonResponse($ctx, $rule),
                default => null,
            };
            if ($rule['action'] === 'drop' && empty($rule['execute'])) {
                $ctx->consumeLatency();
                self::log($ctx, 0, $t0);
                self::drop();
                return;
            }
        }
        try {
            $resp ??= self::dispatch($ctx);
        } catch (\Throwable $e) {
            error_log('mock-tenant: ' . $e);
            $resp = Errors::graph($ctx, 500, 'generalException', 'Mock tenant error: ' . $e->getMessage());
        }
        if ($rule !== null && $rule['action'] === 'delete_message') {
            Faults::applySideEffect($state, $rule);
        }
        if ($rule !== null && $rule['action'] === 'rewrite') {
            $resp = Faults::rewrite($resp, $rule);
        }
        if ($rule !== null && $rule['action'] === 'replace_body') {
            $resp->file = null;
            $resp->body = (string) $rule['body'];
        }
        $ctx->consumeLatency();
        try {
            $state->tx(function () use ($ctx, $rule, $resp, $t0, $state): void {    // one commit for a batch and its members
                $seq = self::log($ctx, ($rule['action'] ?? '') === 'drop' ? 0 : $resp->status, $t0,
                    $resp->file !== null ? (int) @filesize($resp->file) : strlen($resp->body));
                foreach (Batch::$memberLog as $m) {
                    (new RequestLog($state))->add($m['ctx'], $m['status'], $m['ms'], $seq);
                }
            });
            // The mailbox is done with the request before its answer travels: a client that sends its
            // next request the moment this answer is complete must not find the slot still taken.
            $ctx->release();
            match ($rule['action'] ?? null) {
                'drop' => self::drop(),
                'truncate' => self::send($ctx, $resp, false, 'truncate'),
                'gzip_truncated' => self::send($ctx, $resp, true, 'gzip_truncated'),
                'gzip_bad_crc' => self::send($ctx, $resp, true, 'gzip_bad_crc'),
                default => self::send($ctx, $resp, true),
            };
        } finally {
            $ctx->release();
        }
    }

    private static function dispatch(Context $ctx): Response
    {
        $p = $ctx->request->path;
        if ($p === '/v1.0' || str_starts_with($p, '/v1.0/')) {
            return (new Graph($ctx))->handle();
        }
        if (preg_match('~^/([^/]+)/oauth2/v2\.0/(authorize|token)$~', $p, $m)) {
            return (new Identity($ctx))->handle(rawurldecode($m[1]), $m[2]);
        }
        if (preg_match('~^/([^/]+)/login$~', $p, $m)) {
            return (new Identity($ctx))->handle(rawurldecode($m[1]), 'login');
        }
        if ($p === '/error') {
            return Identity::errorPage($ctx);
        }
        return Errors::badRequest($ctx, 'Invalid version.', 'BadRequest');
    }

    /** @param ?int $bytes the answer's body, before any gzip (null: none was made) */
    private static function log(Context $ctx, int $status, float $t0, ?int $bytes = null): int
    {
        return (new RequestLog($ctx->state))->add($ctx, $status, (microtime(true) - $t0) * 1000, null, ['bytes' => $bytes]);
    }

    /**
     * Write the response. $mode: null = normally; 'truncate' = announce the full
     * Content-Length, send half the body, close; 'gzip_truncated' = a gzip body whose
     * stream is cut short (Content-Length matches what is sent, decoding fails);
     * 'gzip_bad_crc' = a whole gzip stream whose trailer's CRC-32 does not match.
     */
    private static function send(Context $ctx, Response $r, bool $mayGzip, ?string $mode = null): void
    {
        header_remove('X-Powered-By');
        http_response_code($r->status);
        // Date on every response, from the tenant's clock (GRAPH-FACTS §7).
        header('Date: ' . $ctx->clock->httpDate());
        if (!str_starts_with($ctx->request->path, '/_mock')) {
            header('request-id: ' . $ctx->requestId);
            header('client-request-id: ' . $ctx->clientRequestId);
            header('x-ms-ags-diagnostic: {"ServerInfo":{"DataCenter":"Mock Tenant","Slice":"E","Ring":"5","ScaleUnit":"000","RoleInstance":"MOCK"}}');
        }
        foreach ($r->headers as [$k, $v]) {
            header("$k: $v", strcasecmp($k, 'Set-Cookie') !== 0);
        }
        $gzip = $mode === 'gzip_truncated' || $mode === 'gzip_bad_crc' || ($mayGzip && $r->json && $r->file === null
            && preg_match('/\bgzip\b/i', $ctx->request->header('accept-encoding') ?? ''));
        if ($gzip) {
            // Large bodies are mostly base64 (contentBytes), which only Huffman coding shrinks:
            // run-length-only matching compresses them as well as level 6 at a fifth of the CPU.
            $z = deflate_init(ZLIB_ENCODING_GZIP, ['level' => 6,
                'strategy' => strlen($r->body) > 65536 ? ZLIB_RLE : ZLIB_DEFAULT_STRATEGY]);
            // A fault may gzip a download too (a file-backed answer, such as a MIME).
            $body = deflate_add($z, $mode !== null ? $r->bodyBytes() : $r->body, ZLIB_FINISH);
            if ($mode === 'gzip_truncated') {
                $body = substr($body, 0, max(10, intdiv(strlen($body), 2)));
            } elseif ($mode === 'gzip_bad_crc') {
                $at = strlen($body) - 8;     // the trailer: CRC-32, then the length
                $body[$at] = chr(ord($body[$at]) ^ 0x01);
            }
            header('Content-Encoding: gzip');
            header('Vary: Accept-Encoding');
            header('Content-Length: ' . strlen($body));
            echo $body;
            return;
        }
        $len = $r->length();
        header('Content-Length: ' . $len);
        if ($mode === 'truncate') {
            echo substr($r->bodyBytes(), 0, intdiv($len, 2));
            flush();
            exit;   // the connection closes with the announced length unmet
        }
        if ($r->file !== null) {
            $fp = fopen($r->file, 'rb');
            fpassthru($fp);   // constant memory, whatever the size
            fclose($fp);
            return;
        }
        echo $r->body;
    }

    /**
     * Close the connection without sending a byte. Behind serve.php's dispatcher a marker
     * header tells the dispatcher to close the client socket. Under a bare "php -S" the
     * client socket is shut down through FFI (needs ffi.enable=1); without FFI the best
     * this SAPI allows is a truncated response (documented in README.md).
     */
    private static function drop(): void
    {
        if (getenv('MOCK_TENANT_DISPATCHED') === '1') {
            header_remove('X-Powered-By');
            header('X-Mock-Drop: 1');
            header('Content-Length: 0');
            flush();
            exit;
        }
        if (class_exists(\FFI::class)) {
            try {
                $ffi = \FFI::cdef('int shutdown(int, int); int getpeername(int, void *, unsigned int *);', 'libc.so.6');
                $port = (int) ($_SERVER['REMOTE_PORT'] ?? 0);
                foreach (scandir('/proc/self/fd') ?: [] as $fd) {
                    if (!ctype_digit($fd) || !str_starts_with((string) @readlink("/proc/self/fd/$fd"), 'socket:')) {
                        continue;
                    }
                    $buf = \FFI::new('unsigned char[128]');
                    $len = \FFI::new('unsigned int');
                    $len->cdata = 128;
                    if ($ffi->getpeername((int) $fd, \FFI::addr($buf), \FFI::addr($len)) === 0 && (($buf[2] << 8) | $buf[3]) === $port) {
                        $ffi->shutdown((int) $fd, 2);
                        exit;
                    }
                }
            } catch (\Throwable) {
                // fall through
            }
        }
        header('Content-Length: 1');
        flush();
        exit;
    }
}
