--TEST--
Move: 201, the REST id changes and the old one is gone (404); with Prefer IdType="ImmutableId" the id stays; unencoded ids; PATCH
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$u = $t->graph . '/users/' . rawurlencode(ADMIN);
$h = ["Authorization: Bearer $tok", 'Content-Type: application/json'];
$imm = 'Prefer: IdType="ImmutableId"';
$list = $t->http('GET', "$u/mailFolders/inbox/messages?\$orderby=receivedDateTime%20asc&\$select=subject", $h)['json']['value'];
$id = $list[0]['id'];
show('id looks real', [str_starts_with($id, 'AAMkAG'), str_contains($id, '/'), str_contains($id, '+'), str_ends_with($id, '=')]);
$exported = $t->http('GET', "$u/mailFolders/msgfolderroot/childFolders?\$top=50", $h)['json']['value'];
$exported = array_values(array_filter($exported, fn ($f) => $f['displayName'] === 'Exported'))[0]['id'];
$mv = $t->http('POST', "$u/messages/" . rawurlencode($id) . '/move', $h, json_encode(['destinationId' => $exported]));
show('move', [$mv['status'], $mv['json']['id'] !== $id, $mv['json']['parentFolderId'] === $exported, $mv['json']['subject']]);
$old = $t->http('GET', "$u/messages/" . rawurlencode($id), $h);
show('old id', [$old['status'], $old['json']['error']['code'], $old['json']['error']['message']]);
show('new id', $t->http('GET', "$u/messages/" . rawurlencode($mv['json']['id']), $h)['status']);
show('in Exported', array_column($t->messagesIn(ADMIN, 'Exported'), 'id') === [$mv['json']['id']]);
// Immutable ids: the same id before and after a move, on every request that asks for them.
$l2 = $t->http('GET', "$u/mailFolders/inbox/messages?\$orderby=receivedDateTime%20asc&\$select=subject", array_merge($h, [$imm]));
show('Preference-Applied', $l2['headers']['preference-applied']);
$iid = $l2['json']['value'][0]['id'];
show('immutable format', [str_starts_with($iid, 'AAkALgAA'), $iid === $t->messagesIn(ADMIN, 'inbox')[0]['immutable_id']]);
$mv2 = $t->http('POST', "$u/messages/" . rawurlencode($iid) . '/move', array_merge($h, [$imm]), '{"destinationId":"deleteditems"}');
show('immutable move', [$mv2['status'], $mv2['json']['id'] === $iid]);
show('still found', $t->http('GET', "$u/messages/" . rawurlencode($iid), array_merge($h, [$imm]))['status']);
$rest = $t->http('GET', "$u/messages/" . rawurlencode($iid) . '?$select=subject', $h)['json']['id'];
show('REST id on request without Prefer', str_starts_with($rest, 'AAMkAG'));
// Unencoded '/' in the id: the id arrives cut in two.
$raw = $t->http('GET', "$u/messages/$rest", $h);
show('unencoded id', [$raw['status'], $raw['json']['error']['code'], $raw['json']['error']['message']]);
$bad = $t->http('POST', "$u/messages/" . rawurlencode($list[2]['id']) . '/move', $h, '{"destinationId":"Exported"}');
show('display name as destination', [$bad['status'], $bad['json']['error']['code']]);
$no = $t->http('POST', "$u/messages/" . rawurlencode($list[2]['id']) . '/move', $h, '{}');
show('no destination', $no['status']);
$p = $t->http('PATCH', "$u/messages/" . rawurlencode($list[2]['id']), $h, '{"categories":["Import failed: poison"],"isRead":true}');
show('patch', [$p['status'], $p['json']['categories'], $p['json']['isRead'], $p['json']['changeKey'] !== $list[2]['@odata.etag']]);
$p = $t->http('PATCH', "$u/messages/" . rawurlencode($list[2]['id']), $h, '{"subject":"x"}');
show('patch read-only', $p['status']);
?>
--EXPECT--
id looks real: [true,true,true,true]
move: [201,true,true,"Invoice 1"]
old id: [404,"ErrorItemNotFound","The specified object was not found in the store."]
new id: 200
in Exported: true
Preference-Applied: 'IdType="ImmutableId"'
immutable format: [true,true]
immutable move: [201,true]
still found: 200
REST id on request without Prefer: true
unencoded id: [400,"ErrorInvalidIdMalformed","Id is malformed."]
display name as destination: [400,"ErrorInvalidIdMalformed"]
no destination: 400
patch: [200,["Import failed: poison"],true,true]
patch read-only: 400
