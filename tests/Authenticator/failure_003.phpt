--TEST--
Client authentication failures on refresh (wrong secret AADSTS7000215, expired secret 7000222) are AuthorizationExceptions with advice; the record stays byte-identical and authorized
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);
sqz_sign_in($a, $t);
sqz_make_stale($store);
$bytes = $store->get('token');

foreach (['wrong' => 'Sq~typo-in-the-secret', 'expired' => EXPIRED_SECRET, 'secret id instead of value' => '0b5c7e4d-1f2a-4c3b-9d8e-7f6a5b4c3d2e'] as $label => $secret) {
    echo "--- $label secret\n";
    $cfg = sqz_config($t, ['client_secret' => $secret]);
    show('same fingerprint', $cfg->fingerprint() === $config->fingerprint());
    $b = new SqzGraph\Authenticator($cfg, new SqzGraph\FileStore($dir));
    $t->clearRequests();
    $e = sqz_catch(fn () => $b->accessToken());
    echo sqz_describe($e), "\n";
    show('exact class', get_class($e) === SqzGraph\AuthorizationException::class);
    $m = $e->getMessage();
    show('advice', $label === 'expired'
        ? str_contains($m, 'expired') && str_contains($m, 'create a new secret')
        : str_contains($m, "secret's Value") && str_contains($m, 'Secret ID'));
    show('no secret in the message', !str_contains($m, $secret) && !str_contains($m, SECRET));
    show('token requests', sqz_grants($t));
    show('record byte-identical', $store->get('token') === $bytes);
    $s = $b->status();
    show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->errorCode]);
    show('lastError', str_contains((string) $s->lastError, $label === 'expired' ? 'AADSTS7000222' : 'AADSTS7000215'));
}

echo "--- the right secret again\n";
$t->clearRequests();
$tok = $a->accessToken();
show('token requests', sqz_grants($t));
show('lastError cleared', $a->status()->lastError);
show('works at Graph', $t->graphGet($tok, '/me')['status']);
?>
--EXPECT--
--- wrong secret
same fingerprint: true
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS7000215'
exact class: true
advice: true
no secret in the message: true
token requests: 'refresh_token'
record byte-identical: true
status: [true,false,null,null]
lastError: true
--- expired secret
same fingerprint: true
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS7000222'
exact class: true
advice: true
no secret in the message: true
token requests: 'refresh_token'
record byte-identical: true
status: [true,false,null,null]
lastError: true
--- secret id instead of value secret
same fingerprint: true
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS7000215'
exact class: true
advice: true
no secret in the message: true
token requests: 'refresh_token'
record byte-identical: true
status: [true,false,null,null]
lastError: true
--- the right secret again
token requests: 'refresh_token'
lastError cleared: NULL
works at Graph: 200
