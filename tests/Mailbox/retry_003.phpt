--TEST--
Mailbox: a Retry-After given as an HTTP date is honoured (and 429 on a POST such as a move is retried too)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, ['max_retries' => 3, 'max_retry_wait' => 5]);
$id = mb_id($t, 'Invoice 1');
// Second resolution: the date is between 1 and 2 s away when the client reads it.
$t->fault(['path' => '/move$', 'status' => 429, 'retry_after' => gmdate('D, d M Y H:i:s', time() + 2) . ' GMT', 'times' => 1]);
$s = mb_seq($t);
show('moved', $m->move($id, 'drafts') === $id);
$log = mb_graph($t, $s);
$gap = $log[1]['ts'] - $log[0]['ts'];
show('statuses', array_column($log, 'status'));
show('waited until the date', $gap >= 0.9 && mb_within($gap, 2.5) ? true : $gap);
show('in drafts', count($t->messagesIn(ADMIN, 'drafts')));
?>
--EXPECT--
moved: true
statuses: [429,201]
waited until the date: true
in drafts: 1
