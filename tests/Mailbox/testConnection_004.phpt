--TEST--
Mailbox::testConnection(): not authorized yet: token not ok, every other check "not checked", no request to Graph, no exception; a revoked grant is reported too
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, [], false);
$s = mb_seq($t);
$r = $m->testConnection();
show('ok', $r['ok']);
foreach ($r['checks'] as $name => $c) {
    echo "$name: ok=", json_encode($c['ok']), ' ', $c['detail'], "\n";
}
show('requests', count($t->requests($s)));
// A grant revoked while the stored access token looked valid: Graph says 401, the refresh says invalid_grant.
$m = mb_mailbox($t);
$t->revokeRefreshTokens(ADMIN, 70008);
$t->expireAccessTokens();
$r = $m->testConnection();
show('revoked: ok', $r['ok']);
show('checks', array_map(fn ($c) => $c['ok'], $r['checks']));
show('mailbox detail names AADSTS70008', str_contains($r['checks']['mailbox']['detail'], 'AADSTS70008'));
// Now the record says re-authorization is needed: the token check fails first, the rest is not checked.
$r = $m->testConnection();
show('then', array_map(fn ($c) => $c['ok'] ? 'ok' : $c['detail'], $r['checks']));
?>
--EXPECT--
ok: false
token: ok=false this mailbox has not been authorized yet: press Authenticate (or run sqzgraph authorize)
mailbox: ok=false not checked: no access token
folder.inbox: ok=false not checked: no access token
folder.exported: ok=false not checked: no access token
folder.error: ok=false not checked: no access token
permissions: ok=false not checked: no access token
clock: ok=false not checked: no access token
requests: 0
revoked: ok: false
checks: {"token":true,"mailbox":false,"clock":true,"folder.inbox":false,"folder.exported":false,"folder.error":false,"permissions":false}
mailbox detail names AADSTS70008: true
then: {"token":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c: AADSTS70008 — the refresh token expired after too long without use or was revoked: authorize again (keep the refresh-tokens job running)","mailbox":"not checked: no access token","folder.inbox":"not checked: no access token","folder.exported":"not checked: no access token","folder.error":"not checked: no access token","permissions":"not checked: no access token","clock":"not checked: no access token"}
