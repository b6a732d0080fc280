--TEST--
Mailbox::moveMany(): a per-id result: the new id, or a GraphException (vanished id 404, malformed 400, throttled beyond max_retry_wait); a failed $batch fails every id with its status
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, ['max_retries' => 2, 'max_retry_wait' => 5]);
$ids = array_column($t->messagesIn(ADMIN, 'inbox'), 'immutable_id');
// Invoice 2 vanishes (a human deleted it) before the batch.
$t->fault(['path' => 'mailFolders\?', 'action' => 'delete_message', 'message_id' => $ids[1], 'times' => 1]);
$m->folders();
// Invoice 4's member is throttled for 5 minutes: beyond max_retry_wait, no waiting.
$t->fault(['path' => preg_quote(rawurlencode($ids[3])) . '/move$', 'batch_member' => true, 'status' => 429, 'retry_after' => '300', 'times' => 1]);
$t0 = microtime(true);
$res = $m->moveMany(array_merge($ids, ['AAkALgAAbogus']), 'drafts');
show('no wait', mb_within(microtime(true) - $t0, 2));
foreach ($res as $id => $v) {
    $k = array_search($id, $ids, true);
    echo $k === false ? $id : "ids[$k]", ' => ', is_string($v) ? ($v === $id ? 'same id' : 'OTHER') : mb_describe($v), "\n";
}
$e = $res[$ids[1]];
echo preg_replace('~/messages/\S+/move~', '/messages/ID/move', preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage())), "\n";
show('not thrown: values', [$e instanceof SqzGraph\Exception, is_string($e->requestId())]);
show('in drafts', count($t->messagesIn(ADMIN, 'drafts')));
// The $batch request itself fails: each id carries that failure (no retries here).
$m = mb_mailbox($t, ['max_retries' => 0]);
$t->clearFaults();
$t->fault(['path' => '\$batch$', 'status' => 503, 'times' => 5]);
$res = $m->moveMany([$ids[2], $ids[4]], 'inbox');
foreach ($res as $v) {
    echo mb_describe($v), ' requestId ', var_export(is_string($v->requestId()), true), "\n";
}
$t->clearFaults();
$t->fault(['path' => '\$batch$', 'status' => 429, 'retry_after' => '600', 'times' => 1]);
foreach ($m->moveMany([$ids[2]], 'inbox') as $v) {
    echo mb_describe($v), "\n";
}
$t->clearFaults();
$t->fault(['path' => '\$batch$', 'action' => 'drop', 'times' => 5]);
foreach ($m->moveMany([$ids[2]], 'inbox') as $v) {
    echo mb_describe($v), "\n";
}
?>
--EXPECT--
no wait: true
ids[0] => same id
ids[1] => SqzGraph\GraphException status=404 code='ErrorItemNotFound'
ids[2] => same id
ids[3] => SqzGraph\ThrottledException retryAfter=300.0 status=429 code='TooManyRequests'
ids[4] => same id
AAkALgAAbogus => SqzGraph\GraphException status=400 code='ErrorInvalidIdMalformed'
Graph POST /me/messages/ID/move failed: HTTP 404 ErrorItemNotFound: The specified object was not found in the store. — the item no longer exists in the mailbox (moved or deleted) (request-id …)
not thrown: values: [true,true]
in drafts: 3
SqzGraph\GraphException status=503 code='serviceNotAvailable' requestId true
SqzGraph\GraphException status=503 code='serviceNotAvailable' requestId true
SqzGraph\ThrottledException retryAfter=600.0 status=429 code='TooManyRequests'
SqzGraph\TransportException curl=52
