--TEST--
Client credentials: accessToken() acquires with grant_type=client_credentials and scope {graph}/.default, caches until stale, no refresh token; never needs re-authorization
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t, ['flow' => 'client_credentials']);

$s = $a->status();
show('before: status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->flow, $s->expiresAt, $s->refreshTokenExpiresAt]);
show('requests', count($t->requests()));

$before = time();
$tok = $a->accessToken();
$req = sqz_token_requests($t);
show('token requests', sqz_grants($t));
$d = $req[0]['token_request'];
show('form', $d['params']);
show('scope', str_replace($t->baseUrl, '{graph}', (string) $d['scope']));
show('client auth', $d['client_auth']);
show('target', $req[0]['target']);
$r = sqz_record($store);
show('record', [$r['flow'], $r['refresh_token'], $r['account'], $r['access_token'] === $tok, $r['fingerprint'] === $config->fingerprint()]);
show('expires = sent + 3599', $r['expires_at'] - $r['obtained_at'] === 3599 && $r['obtained_at'] >= $before);
$g = $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox');
show('app token works', [$g['status'], $t->requests()[count($t->requests()) - 1]['token_kind']]);

$t->clearRequests();
show('cached', $a->accessToken() === $tok);
show('requests', count($t->requests()));
$s = $a->status();
show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->account, $s->refreshTokenExpiresAt, $s->flow]);
show('status times', [$s->expiresAt === $r['expires_at'], $s->obtainedAt === $r['obtained_at'], $s->lastRefreshAt === $r['obtained_at']]);

// stale → acquires anew
sqz_make_stale($store, 200);
$tok2 = $a->accessToken();
show('stale: token requests', sqz_grants($t));
show('new token', $tok2 !== $tok);
// refresh(true) always asks
$i = $a->refresh(true);
show('refresh(true)', [sqz_grants($t), $i->authorized]);

// expired record: not authorized (informational), but no re-authorization needed
sqz_patch_record($store, ['expires_at' => time() - 5]);
$s = $a->status();
show('expired: status', [$s->authorized, $s->needsReauthorization, $s->reason]);
$t->clearRequests();
$a->accessToken();
show('expired: acquires', sqz_grants($t));

// another configuration (another mailbox) on the same Store just acquires anew
$b = new SqzGraph\Authenticator(new SqzGraph\Config(sqz_cc_options($t, ['mailbox' => 'o.brien@contoso.example'])), new SqzGraph\FileStore($dir));
$s = $b->status();
show('other config: status', [$s->authorized, $s->needsReauthorization, $s->reason]);
$t->clearRequests();
$b->accessToken();
show('other config: acquires', sqz_grants($t));
show('other config: record rewritten', sqz_record($store)['fingerprint'] !== $config->fingerprint());

// forget(), then acquire again
$a->forget();
show('forgotten', $store->get('token'));
$t->clearRequests();
$a->accessToken();
show('after forget', sqz_grants($t));

// wrong secret → AuthorizationException, not a re-authorization
[$w] = sqz_auth($t, ['flow' => 'client_credentials', 'client_secret' => 'Sq~wrong']);
echo sqz_describe(sqz_catch(fn () => $w->accessToken())), "\n";
$s = $w->status();
show('wrong secret: status', [$s->authorized, $s->needsReauthorization, str_contains((string) $s->lastError, 'AADSTS7000215')]);
?>
--EXPECT--
before: status: [false,false,"not_authorized","client_credentials",null,null]
requests: 0
token requests: 'client_credentials'
form: ["client_id","client_secret","grant_type","scope"]
scope: '{graph}/.default'
client auth: 'client_secret'
target: '/7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/token'
record: ["client_credentials",null,null,true,true]
expires = sent + 3599: true
app token works: [200,"app"]
cached: true
requests: 0
status: [true,false,null,null,null,"client_credentials"]
status times: [true,true,true]
stale: token requests: 'client_credentials'
new token: true
refresh(true): ["client_credentials,client_credentials",true]
expired: status: [false,false,"token_expired"]
expired: acquires: 'client_credentials'
other config: status: [false,false,"not_authorized"]
other config: acquires: 'client_credentials'
other config: record rewritten: true
forgotten: NULL
after forget: 'client_credentials'
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS7000215'
wrong secret: status: [false,false,true]
