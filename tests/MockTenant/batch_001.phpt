--TEST--
$batch: members relative to the version, base64 bodies for MIME, shuffled order, dependsOn/424, >20 refused, inner 429, moves
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$h = ["Authorization: Bearer $tok", 'Content-Type: application/json'];
$mb = '/users/' . rawurlencode(ADMIN);
$inbox = $t->messagesIn(ADMIN, 'inbox');
$fixture = array_values(array_filter($inbox, fn ($m) => str_starts_with($m['subject'], '50032266')))[0];
$batch = fn (array $reqs) => $t->http('POST', $t->graph . '/$batch', $h, json_encode(['requests' => $reqs]));
$r = $batch([
    ['id' => '1', 'method' => 'GET', 'url' => "$mb/mailFolders/inbox?\$select=displayName"],
    ['id' => '2', 'method' => 'GET', 'url' => "$mb/messages/" . rawurlencode($fixture['id']) . '/$value'],
    ['id' => '3', 'method' => 'GET', 'url' => "/v1.0$mb/mailFolders/inbox"],
]);
show('outer', [$r['status'], str_starts_with($r['headers']['content-type'], 'application/json')]);
$by = array_column($r['json']['responses'], null, 'id');
show('json member', [$by['1']['status'], $by['1']['body']['displayName'], $by['1']['headers']['Content-Type'] ?? null]);
show('mime member', [$by['2']['status'], is_string($by['2']['body']),
    hash('sha256', base64_decode($by['2']['body'])) === hash_file('sha256', __DIR__ . '/../mock-tenant/fixtures/mime/pmmp-m0013.eml')]);
show('/v1.0 in member url', [$by['3']['status'], $by['3']['body']['error']['message']]);
// 20 members: accepted, answered in another order than asked.
$reqs = [];
for ($i = 1; $i <= 20; $i++) {
    $reqs[] = ['id' => (string) $i, 'method' => 'GET', 'url' => "$mb/mailFolders/inbox?\$select=displayName"];
}
$r = $batch($reqs);
$ids = array_column($r['json']['responses'], 'id');
show('20 members', [$r['status'], count($ids), $ids !== array_map('strval', range(1, 20)), count(array_unique($ids))]);
$reqs[] = ['id' => '21', 'method' => 'GET', 'url' => "$mb/mailFolders/inbox"];
$r = $batch($reqs);
show('21 members', [$r['status'], $r['json']['error']['code']]);
show('absolute url', $batch([['id' => '1', 'method' => 'GET', 'url' => $t->graph . "$mb/mailFolders"]])['status']);
show('body without Content-Type', $batch([['id' => '1', 'method' => 'POST', 'url' => "$mb/messages/x/move", 'body' => ['destinationId' => 'inbox']]])['status']);
show('not JSON', $t->http('POST', $t->graph . '/$batch', $h, 'nope')['status']);
// dependsOn: a failed request fails its dependents with 424; moves in a batch change ids.
$r = $batch([
    ['id' => 'a', 'method' => 'GET', 'url' => "$mb/messages/" . rawurlencode('AAMkAGI2' . base64_encode(random_bytes(98)))],
    ['id' => 'b', 'method' => 'POST', 'url' => "$mb/messages/" . rawurlencode($inbox[0]['id']) . '/move', 'dependsOn' => ['a'],
        'headers' => ['Content-Type' => 'application/json'], 'body' => ['destinationId' => 'archive']],
    ['id' => 'c', 'method' => 'POST', 'url' => "$mb/messages/" . rawurlencode($inbox[1]['id']) . '/move',
        'headers' => ['Content-Type' => 'application/json', 'Prefer' => 'IdType="ImmutableId"'], 'body' => ['destinationId' => 'archive']],
]);
$by = array_column($r['json']['responses'], null, 'id');
show('dependsOn', [$by['a']['status'], $by['b']['status'], $by['c']['status'], $by['c']['body']['id'] === $inbox[1]['immutable_id'],
    $by['c']['headers']['Preference-Applied'] ?? null]);
show('archive', array_column($t->messagesIn(ADMIN, 'archive'), 'subject'));
// Inner throttling: the batch is 200, a member is 429 with its own Retry-After.
$t->fault(['batch_member' => true, 'path' => '/move$', 'status' => 429, 'retry_after' => '3', 'nth' => 2]);
$reqs = [];
foreach (array_slice($inbox, 2, 3) as $k => $m) {
    $reqs[] = ['id' => "m$k", 'method' => 'POST', 'url' => "$mb/messages/" . rawurlencode($m['id']) . '/move',
        'headers' => ['Content-Type' => 'application/json'], 'body' => ['destinationId' => 'deleteditems']];
}
$r = $batch($reqs);
$by = array_column($r['json']['responses'], null, 'id');
show('inner 429', [$r['status'], $by['m0']['status'], $by['m1']['status'], $by['m1']['headers']['Retry-After'], $by['m1']['body']['error']['code'], $by['m2']['status']]);
$log = $t->requests();
$last = end($log);
show('log members', [$last['target'], count($last['members']), $last['members'][0]['target'] !== '', array_column($last['members'], 'status')]);
?>
--EXPECT--
outer: [200,true]
json member: [200,"Inbox","application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"]
mime member: [200,true,true]
/v1.0 in member url: [400,"Resource not found for the segment 'v1.0'."]
20 members: [200,20,true,20]
21 members: [400,"BadRequest"]
absolute url: 400
body without Content-Type: 400
not JSON: 400
dependsOn: [404,424,201,true,"IdType=\"ImmutableId\""]
archive: ["Invoice 2"]
inner 429: [200,201,429,"3","TooManyRequests",201]
log members: ["/v1.0/$batch",3,true,[201,429,201]]
