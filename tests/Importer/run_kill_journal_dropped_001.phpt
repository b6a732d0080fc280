--TEST--
Importer::run() killed right after the move $batch returned, before the journal drops the moved messages (the logger dies on the batch's debug line; a Store that dies before the drop is durable): the next run finds them in Exported and Error and only drops the journal
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$handler = ['fail' => ['No attachment' => 'false']];
/** The run's $batch requests in the mock's log after $since. */
function batches(ImFixture $f, int $since): array
{
    return array_values(array_filter($f->t->requests($since), fn ($x) => $x['method'] === 'POST' && str_ends_with($x['target'], '/$batch')));
}
/** Whether a $batch is the moves': every member a POST …/move. */
function is_moves(array $x): bool
{
    return $x['members'] !== [] && array_filter($x['members'], fn ($m) => !($m['method'] === 'POST' && str_ends_with($m['target'], '/move'))) === [];
}
// The run's $batches go one after the other (the messages fetched ahead, the Error category, the moves; where
// they are is a listing of the Inbox): which one carries the moves is read from the same import, not killed.
$ref = im_start('basic');
$since = im_seq($ref);
$c = im_child($ref, ['handler' => $handler]);
$ordinals = array_keys(array_filter(batches($ref, $since), 'is_moves'));
echo 'reference run: ', $c['end'], ', the moves in one $batch, its last: ', json_encode($ordinals === [count(batches($ref, $since)) - 1]), "\n";
$plans = [
    'the logger, on the $batch of the moves returning' => ['log_kill' => ['pattern' => '^POST /\$batch -> 200', 'nth' => $ordinals[0] + 1]],
    'the Store, writing the journal without the moved messages (one write for the whole batch)' => ['store_kill' => ['label' => 'Invoice 2', 'state' => 'dropped', 'durable' => false]],
];
foreach ($plans as $what => $plan) {
    echo "=== killed by $what\n";
    $f = im_start('basic');
    $since = im_seq($f);
    $c = im_child($f, $plan + ['handler' => $handler]);
    im_show_child($f, 'run 1', $c);
    $b = batches($f, $since);
    echo 'the last $batch of run 1 was the moves\': ', json_encode($b !== [] && is_moves(end($b))), "\n";
    im_show_journal($f);
    im_where($f, true);
    $since = im_seq($f);
    $c = im_child($f, []);
    im_show_child($f, 'run 2', $c);
    im_show_calls($f);
    im_show_requests($f, $since);
    im_where($f, true);
    im_show_journal($f);
}
?>
--EXPECT--
reference run: exit 0, the moves in one $batch, its last: true
=== killed by the logger, on the $batch of the moves returning
run 1: killed by signal 9
the last $batch of run 1 was the moves': true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: failed/1/handler_returned_false","fixture: imported/1"]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
run 2: exit 0
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: resumed (handler_returned_false)
  fixture: resumed
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0 false=1
  fixture start=1 done=1
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /messages/{Invoice 1} -> 200
  GET /messages/{Invoice 2} -> 200
  GET /messages/{Invoice 3} -> 200
  GET /messages/{No attachment} -> 200
  GET /messages/{fixture} -> 200
  GET /mailFolders/*/messages -> 200
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
journal: []
=== killed by the Store, writing the journal without the moved messages (one write for the whole batch)
run 1: killed by signal 9
the last $batch of run 1 was the moves': true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: failed/1/handler_returned_false","fixture: imported/1"]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
run 2: exit 0
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: resumed (handler_returned_false)
  fixture: resumed
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0 false=1
  fixture start=1 done=1
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /messages/{Invoice 1} -> 200
  GET /messages/{Invoice 2} -> 200
  GET /messages/{Invoice 3} -> 200
  GET /messages/{No attachment} -> 200
  GET /messages/{fixture} -> 200
  GET /mailFolders/*/messages -> 200
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
journal: []
