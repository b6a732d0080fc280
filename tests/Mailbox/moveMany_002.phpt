--TEST--
Mailbox::moveMany(): members throttled inside a batch (inner 429 + Retry-After) are sent again, alone, after their Retry-After
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$seed = require __DIR__ . '/../mock-tenant/seeds/basic.php';
$seed['tenants'][0]['users'][0]['messages'] = array_map(fn ($i) => ['subject' => "Bulk $i", 'received' => 1700000000 + $i], range(1, 25));
$t = mb_tenant($seed);
$m = mb_mailbox($t, ['max_retries' => 3]);
$ids = array_column($t->messagesIn(ADMIN, 'inbox'), 'immutable_id');
foreach ([[3, '1'], [22, '0.5']] as [$k, $after]) {
    $t->fault(['path' => preg_quote(rawurlencode($ids[$k])) . '/move$', 'batch_member' => true, 'status' => 429,
        'retry_after' => $after, 'times' => 1]);
}
$s = mb_seq($t);
$t0 = microtime(true);
$res = $m->moveMany($ids, 'drafts');
$secs = microtime(true) - $t0;
show('all moved', array_values($res) === $ids && count($t->messagesIn(ADMIN, 'drafts')) === 25);
$log = mb_graph($t, $s);
show('batches', array_map(fn ($r) => count($r['members']) . ' members: ' . json_encode(array_count_values(array_column($r['members'], 'status'))), $log));
show('the retry holds the two throttled ids', array_map(fn ($x) => $x['target'], $log[2]['members']) == array_map(
    fn ($k) => '/v1.0/me/messages/' . rawurlencode($ids[$k]) . '/move', [3, 22])
    || array_map(fn ($x) => $x['target'], $log[2]['members']) == array_map(fn ($k) => '/v1.0/me/messages/' . rawurlencode($ids[$k]) . '/move', [22, 3]));
show('waited the longest Retry-After (1 s) before it', round($log[2]['ts'] - $log[1]['ts'], 1) >= 0.9);
show('not much longer', mb_within($secs, 3));
?>
--EXPECT--
all moved: true
batches: ["20 members: {\"201\":19,\"429\":1}","5 members: {\"201\":4,\"429\":1}","2 members: {\"201\":2}"]
the retry holds the two throttled ids: true
waited the longest Retry-After (1 s) before it: true
not much longer: true
