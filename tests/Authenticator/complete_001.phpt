--TEST--
Authorization code flow: completeAuthorization() redeems the code with PKCE and stores the record; expiry = send time + expires_in (a numeric string too)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config] = sqz_auth($t);
$t->tokenResponseOverrides(['expires_in' => '3599']);      // as some proxies / old endpoints send it

$query = sqz_consent($a, $t);
show('redirect has code and state', isset($query['code'], $query['state']));
$t->clearRequests();
$before = time();
$info = $a->completeAuthorization($query);
$after = time();

show('class', get_class($info));
show('authorized', $info->authorized);
show('needsReauthorization', $info->needsReauthorization);
show('reason', $info->reason);
show('errorCode', $info->errorCode);
show('account', $info->account);
show('flow', $info->flow);
$scopes = $info->scopes;
sort($scopes);
show('scopes', str_replace($t->baseUrl, '{graph}', implode(' ', $scopes)));
show('expiresAt - obtainedAt', $info->expiresAt - $info->obtainedAt);
show('obtainedAt = when the request was sent', $info->obtainedAt >= $before && $info->obtainedAt <= $after);
show('lastRefreshAt = obtainedAt', $info->lastRefreshAt === $info->obtainedAt);
show('refreshTokenExpiresAt - lastRefreshAt', $info->refreshTokenExpiresAt - $info->lastRefreshAt);
show('lastError', $info->lastError);
show('warnings', $info->warnings);
show('expiresAt()', $info->expiresAt()->getTimestamp() === $info->expiresAt);
show('expiresAt() offset', $info->expiresAt()->getOffset());

// the token request: exactly one, authorization_code
show('token requests', sqz_grants($t));
show('all requests', count($t->requests()));

// the record
$r = sqz_record($store);
show('record v', $r['v']);
show('record fingerprint = Config::fingerprint()', $r['fingerprint'] === $config->fingerprint());
show('record flow', $r['flow']);
show('record has access token', is_string($r['access_token']) && strlen($r['access_token']) > 100);
show('record has refresh token', is_string($r['refresh_token']) && str_starts_with($r['refresh_token'], '1.AXkA'));
show('record expires_at = info', $r['expires_at'] === $info->expiresAt);
show('record obtained_at = info', $r['obtained_at'] === $info->obtainedAt);
show('record last_refresh_at = info', $r['last_refresh_at'] === $info->lastRefreshAt);
show('record refresh_at', $r['refresh_at']);
show('record account', $r['account']);
show('record needs_reauth', $r['needs_reauth']);
show('record reason', $r['reason']);
show('pending consumed', $store->get(sqz_pending_key($query['state'])));

// the stored access token works at Graph as the signed-in user
$me = $t->graphGet($r['access_token'], '/me');
show('GET /me', $me['status'] . ' ' . ($me['json']['userPrincipalName'] ?? '?'));

// status() reports the same, without a request
$t->clearRequests();
$s = $a->status();
show('status() = completeAuthorization()', sqz_info($s) === sqz_info($info));
show('status() requests', count($t->requests()));
?>
--EXPECT--
redirect has code and state: true
class: 'SqzGraph\\TokenInfo'
authorized: true
needsReauthorization: false
reason: NULL
errorCode: NULL
account: 'admin@contoso.example'
flow: 'delegated'
scopes: '{graph}/Mail.ReadWrite offline_access openid profile'
expiresAt - obtainedAt: 3599
obtainedAt = when the request was sent: true
lastRefreshAt = obtainedAt: true
refreshTokenExpiresAt - lastRefreshAt: 7776000
lastError: NULL
warnings: []
expiresAt(): true
expiresAt() offset: 0
token requests: 'authorization_code'
all requests: 1
record v: 1
record fingerprint = Config::fingerprint(): true
record flow: 'delegated'
record has access token: true
record has refresh token: true
record expires_at = info: true
record obtained_at = info: true
record last_refresh_at = info: true
record refresh_at: 0
record account: 'admin@contoso.example'
record needs_reauth: false
record reason: NULL
pending consumed: NULL
GET /me: '200 admin@contoso.example'
status() = completeAuthorization(): true
status() requests: 0
