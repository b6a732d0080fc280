--TEST--
Mailbox::moveMany(): JSON batching, at most 20 per $batch (45 ids = 3 requests: 20, 20, 5, in flight together); members relative to the version, with ImmutableId; id => id after the move
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$seed = require __DIR__ . '/../mock-tenant/seeds/basic.php';
$seed['tenants'][0]['users'][0]['messages'] = array_map(fn ($i) => ['subject' => "Bulk $i", 'received' => 1700000000 + $i], range(1, 45));
$t = mb_tenant($seed);
$m = mb_mailbox($t);
$ids = array_column($t->messagesIn(ADMIN, 'inbox'), 'immutable_id');
$exported = $m->resolveFolder('Exported')->id;
$s = mb_seq($t);
$res = $m->moveMany($ids, $exported);
show('count', count($res));
show('keys = the ids, in order', array_keys($res) === $ids);
show('each value = the same id (immutable)', array_values($res) === $ids);
$log = mb_graph($t, $s);
// The three batches are in flight together: the log has them in the order they finished.
usort($log, fn ($a, $b) => count($b['members']) <=> count($a['members']));
show('requests', array_map(fn ($r) => $r['method'] . ' ' . $r['target'] . ' ' . $r['status'] . ' members=' . count($r['members']), $log));
$members = array_merge(...array_column($log, 'members'));
show('members', [count($members), array_values(array_unique(array_map(fn ($x) => $x['method'] . ' ' . $x['status'] . ' ' . $x['prefer'], $members)))]);
$targets = array_map(fn ($x) => $x['target'], $members);
$expected = array_map(fn ($id) => '/v1.0/me/messages/' . rawurlencode($id) . '/move', $ids);
sort($targets);
sort($expected);
show('member urls: /me/messages/{encoded id}/move', $targets === $expected);
show('member ids 1..20 per batch', array_map(fn ($r) => count(array_unique(array_column($r['members'], 'member_id'))), $log));
show('all in Exported', [count($t->messagesIn(ADMIN, 'Exported')), count($t->messagesIn(ADMIN, 'inbox'))]);
// String keys stay strings, numeric-looking ids too; an empty list makes no request.
$s = mb_seq($t);
show('empty', [$m->moveMany([], $exported), count(mb_graph($t, $s))]);
?>
--EXPECT--
count: 45
keys = the ids, in order: true
each value = the same id (immutable): true
requests: ["POST /v1.0/$batch 200 members=20","POST /v1.0/$batch 200 members=20","POST /v1.0/$batch 200 members=5"]
members: [45,["POST 201 IdType=\"ImmutableId\""]]
member urls: /me/messages/{encoded id}/move: true
member ids 1..20 per batch: [20,20,5]
all in Exported: [45,0]
empty: [[],0]
