<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * The request log (GET /_mock/requests). Never stores a token, secret or code:
 * for a bearer token only the first 16 hex digits of its SHA-256 (Ids::tokenHash).
 */
final class RequestLog
{
    public function __construct(private readonly State $state)
    {
    }

    /** @param array<string, mixed> $extra @return int seq */
    public function add(Context $ctx, int $status, float $ms, ?int $parent = null, array $extra = []): int
    {
        $r = $ctx->request;
        $auth = $r->header('authorization');
        $kind = 'none';
        $hash = null;
        if ($auth !== null && $auth !== '') {
            if (stripos($auth, 'Bearer ') === 0) {
                $kind = 'bearer';
                $hash = Ids::tokenHash(trim(substr($auth, 7)));
            } else {
                $kind = strtolower(strtok($auth, ' '));
            }
        }
        $row = [
            'parent' => $parent, 'member_id' => $r->memberId, 'ts' => microtime(true), 'method' => $r->method,
            'target' => $r->target(), 'status' => $status, 'ms' => round($ms, 2), 'request_id' => $ctx->requestId,
            'client_request_id' => $r->header('client-request-id'), 'prefer' => $r->header('prefer'), 'auth' => $kind,
            'token_hash' => $hash, 'token_kind' => $ctx->tokenKind, 'host' => $r->header('host'),
            'fault' => $ctx->faultNotes === [] ? null : implode(',', $ctx->faultNotes), 'grant_type' => $ctx->grantType,
            'user_agent' => $r->header('user-agent'), 'accept_encoding' => $r->header('accept-encoding'),
            'token_request' => $ctx->tokenRequest === null ? null : Json::encode($ctx->tokenRequest),
        ] + $extra;
        return $this->state->tx(function () use ($row): int {
            $this->state->insert('requests', $row);
            return (int) $this->state->db->lastInsertId();
        });
    }

    /** @return list<array<string, mixed>> top-level entries, each with 'members' (batch sub-requests) */
    public function all(?int $since = null): array
    {
        $rows = $this->state->all('SELECT * FROM requests WHERE seq > ? ORDER BY seq', [$since ?? 0]);
        $top = [];
        $members = [];
        foreach ($rows as $r) {
            $r['seq'] = (int) $r['seq'];
            $r['status'] = (int) $r['status'];
            $r['ms'] = (float) $r['ms'];
            $r['ts'] = (float) $r['ts'];
            $r['bytes'] = $r['bytes'] === null ? null : (int) $r['bytes'];
            $r['token_request'] = $r['token_request'] === null ? null : json_decode((string) $r['token_request'], true);
            $r['time'] = gmdate('Y-m-d\TH:i:s', (int) $r['ts']) . sprintf('.%03dZ', (int) (fmod($r['ts'], 1) * 1000));
            if ($r['parent'] !== null) {
                $members[(int) $r['parent']][] = $r;
            } else {
                $top[] = $r;
            }
        }
        foreach ($top as &$t) {
            $t['members'] = $members[$t['seq']] ?? [];
        }
        return $top;
    }

    public function clear(): void
    {
        $this->state->tx(fn () => $this->state->exec('DELETE FROM requests'));
    }
}
