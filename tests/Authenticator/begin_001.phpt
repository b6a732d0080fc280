--TEST--
Authenticator::beginAuthorization(): the authorize URL carries exactly the PKCE code-flow parameters; state and verifier kept in the Store
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config] = sqz_auth($t);

$before = time();
$b = $a->beginAuthorization();
$after = time();
show('keys', array_keys($b));
$u = parse_url($b['url']);
show('origin', $u['scheme'] . '://' . $u['host'] . ':' . $u['port'] === $t->baseUrl);
show('path', $u['path']);
show('no fragment', !isset($u['fragment']));
$q = sqz_query($b['url']);
$names = array_keys($q);
sort($names);
show('params', $names);
show('client_id', $q['client_id']);
show('response_type', $q['response_type']);
show('redirect_uri', $q['redirect_uri']);
show('response_mode', $q['response_mode']);
show('scope', str_replace($t->baseUrl, '{graph}', $q['scope']));
show('code_challenge_method', $q['code_challenge_method']);
show('state in URL = returned state', $q['state'] === $b['state']);
show('state base64url >= 22 chars (128 bits)', (bool) preg_match('/^[A-Za-z0-9_-]{22,}$/', $b['state']));
show('challenge = base64url(sha256) (43 chars)', (bool) preg_match('/^[A-Za-z0-9_-]{43}$/', $q['code_challenge']));
// every parameter is percent-encoded: the raw query has no space and no raw '/' or ':' inside values
$raw = parse_url($b['url'], PHP_URL_QUERY);
show('raw query has no space', !str_contains($raw, ' '));
show('redirect_uri encoded', str_contains($raw, 'redirect_uri=' . rawurlencode(REDIRECT)) || str_contains($raw, 'redirect_uri=' . urlencode(REDIRECT)));

// the pending authorization: under pending:<sha256(state)>, with a verifier whose S256 is the challenge
$pending = $store->get(sqz_pending_key($b['state']));
show('pending stored', $pending !== null);
$p = json_decode((string) $pending, true);
show('created_at is epoch now', is_int($p['created_at'] ?? null) && $p['created_at'] >= $before && $p['created_at'] <= $after);
$v = (string) ($p['verifier'] ?? '');
show('verifier RFC 7636 form', (bool) preg_match('/^[A-Za-z0-9._~-]{43,128}$/', $v));
show('challenge = S256(verifier)', rtrim(strtr(base64_encode(hash('sha256', $v, true)), '+/', '-_'), '=') === $q['code_challenge']);
show('no state in the Store under its own name', $store->get('pending:' . $b['state']) === null);
show('no token record yet', $store->get('token') === null);

// two begins: different states, different challenges, both pending
$b2 = $a->beginAuthorization();
$q2 = sqz_query($b2['url']);
show('new state', $b2['state'] !== $b['state']);
show('new challenge', $q2['code_challenge'] !== $q['code_challenge']);
show('first still pending', $store->get(sqz_pending_key($b['state'])) !== null);
show('no request sent', count($t->requests()));
?>
--EXPECT--
keys: ["url","state"]
origin: true
path: '/7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/authorize'
no fragment: true
params: ["client_id","code_challenge","code_challenge_method","redirect_uri","response_mode","response_type","scope","state"]
client_id: '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c'
response_type: 'code'
redirect_uri: 'http://127.0.0.1:8123/api/v2/importers/email/authenticate/end'
response_mode: 'query'
scope: 'openid profile offline_access {graph}/Mail.ReadWrite'
code_challenge_method: 'S256'
state in URL = returned state: true
state base64url >= 22 chars (128 bits): true
challenge = base64url(sha256) (43 chars): true
raw query has no space: true
redirect_uri encoded: true
pending stored: true
created_at is epoch now: true
verifier RFC 7636 form: true
challenge = S256(verifier): true
no state in the Store under its own name: true
no token record yet: true
new state: true
new challenge: true
first still pending: true
no request sent: 0
