--TEST--
Mailbox::moveMany(): members throttled inside a batch (inner 429 + Retry-After) are sent again after their Retry-After, with the chained members behind them that never ran (424)
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
// Two batches in flight at once (20 + 5), each chained with dependsOn: the members after
// a throttled one answer 424 without running and go again with it.
$first = array_map(fn ($r) => count($r['members']) . ' members: ' . json_encode(array_count_values(array_column($r['members'], 'status'))), array_slice($log, 0, 2));
sort($first);
show('first round (ran members)', $first);
show('retry', array_map(fn ($r) => count($r['members']) . ' members: ' . json_encode(array_count_values(array_column($r['members'], 'status'))), array_slice($log, 2)));
$retried = array_map(fn ($x) => $x['target'], $log[2]['members']);
sort($retried);
$want = array_map(fn ($k) => '/v1.0/me/messages/' . rawurlencode($ids[$k]) . '/move', array_merge(range(3, 19), range(22, 24)));
sort($want);
show('the retry holds the two throttled ids and their unrun dependents', $retried === $want);
show('waited the longest Retry-After (1 s) before it', round($log[2]['ts'] - $log[1]['ts'], 1) >= 0.9);
show('not much longer', mb_within($secs, 3));
?>
--EXPECT--
all moved: true
first round (ran members): ["3 members: {\"201\":2,\"429\":1}","4 members: {\"201\":3,\"429\":1}"]
retry: ["20 members: {\"201\":20}"]
the retry holds the two throttled ids and their unrun dependents: true
waited the longest Retry-After (1 s) before it: true
not much longer: true
