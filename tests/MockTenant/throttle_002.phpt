--TEST--
max in flight per mailbox (control API max-inflight): requests in flight at once counting the one that arrives (so a refused 5th shows 5), per app; reset; unknown mailbox refused
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic', ['latency_ms' => 600]);
$tok = appToken($t);
$inbox = $t->graph . '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox';
$parallel = function (int $n) use ($tok, $inbox): array {
    $mh = curl_multi_init();
    $hs = [];
    for ($i = 0; $i < $n; $i++) {
        $h = curl_init($inbox);
        curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => ["Authorization: Bearer $tok"]]);
        curl_multi_add_handle($mh, $h);
        $hs[] = $h;
    }
    do {
        curl_multi_exec($mh, $running);
        curl_multi_select($mh, 0.05);
    } while ($running);
    $out = array_map(fn ($h) => curl_getinfo($h, CURLINFO_RESPONSE_CODE), $hs);
    sort($out);
    return $out;
};
show('before any request', $t->maxInFlight(ADMIN));
$t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox');
show('one at a time', $t->maxInFlight(ADMIN));
show('3 at once', [$parallel(3), $t->maxInFlight(ADMIN)]);
show('after 2 at once (a maximum)', [$parallel(2), $t->maxInFlight(ADMIN)]);
show('6 at once: 2 refused, the limit shown exceeded', [$parallel(6), $t->maxInFlight(ADMIN)]);
$t->resetMaxInFlight();
show('after reset', $t->maxInFlight(ADMIN));
// Token requests and the user object do not use the mailbox; other mailboxes are separate.
$t->clientCredentialsToken(TENANT, CLIENT, SECRET);
$t->graphGet($tok, '/users/' . rawurlencode(ADMIN));
$t->graphGet($tok, '/users/' . rawurlencode("o'brien+mail@contoso.example") . '/mailFolders/inbox');
show('no mailbox request', $t->maxInFlight(ADMIN));
show('other mailbox, by upn', $t->maxInFlight("o'brien+mail@contoso.example"));
$obrien = array_values(array_filter($t->seedInfo['tenants'][0]['users'], fn ($u) => str_starts_with($u['upn'], "o'brien")))[0];
show('by id', $t->maxInFlight($obrien['id']));
show('raw control API', $t->http('GET', $t->baseUrl . '/_mock/max-inflight?mailbox=' . rawurlencode("O'Brien+Mail@contoso.example"))['json']);
show('unknown mailbox', $t->http('GET', $t->baseUrl . '/_mock/max-inflight?mailbox=nobody%40contoso.example')['status']);
show('reset over http', $t->http('POST', $t->baseUrl . '/_mock/max-inflight/reset', [], '{}')['json']);
show('reset applies to every mailbox', $t->maxInFlight("o'brien+mail@contoso.example"));
?>
--EXPECT--
before any request: 0
one at a time: 1
3 at once: [[200,200,200],3]
after 2 at once (a maximum): [[200,200],3]
6 at once: 2 refused, the limit shown exceeded: [[200,200,200,200,429,429],5]
after reset: 0
no mailbox request: 0
other mailbox, by upn: 1
by id: 1
raw control API: {"max":1}
unknown mailbox: 400
reset over http: {"ok":true}
reset applies to every mailbox: 0
