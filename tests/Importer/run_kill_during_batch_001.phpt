--TEST--
Importer::run() killed (by another process) while a request of the moves is in flight (the listing of the Inbox over the messages' receivedDateTime span asking where they are, or the $batch of moves) — the mock is slowed on it, the parent kills the child once it has arrived, the mock still answers it; the next run finishes: moves what is not moved, only drops the journal for what is (resumed), never calls the handler again
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
// The run's $batch fetches the two messages ahead; a listing of the Inbox (their receivedDateTime span) asks where
// they are, a second $batch moves them.
$slowed = [
    'the listing of the Inbox asking where the messages are' => ['method' => 'GET', 'path' => '/messages\?\$filter=receivedDateTime'],
    'the $batch of moves' => ['method' => 'POST', 'path' => '/move$', 'batch_member' => true],
];
foreach ($slowed as $what => $on) {
    echo "=== killed during $what\n";
    $f = im_start('basic');
    $rule = $f->t->fault($on + ['nth' => 1, 'action' => 'delay', 'delay_ms' => 1500]);
    $since = im_seq($f);
    $child = im_child_start($f, ['options' => ['max_messages' => 2]]);
    $arrived = im_wait_for(function () use ($f, $rule) {
        foreach ($f->t->faults() as $x) {
            if ($x['id'] === $rule && $x['fired'] === 1) {
                return true;
            }
        }
        return false;
    }, 180);
    posix_kill($child['pid'], SIGKILL);
    im_show_child($f, "request arrived: " . json_encode($arrived) . ', child', im_child_wait($child));
    // the mock finishes the request the dead client sent (for the moves: the $batch holding the slowed member)
    echo 'mock answered it: ', json_encode(im_wait_for(fn () => array_filter($f->t->requests($since), fn ($x) => $x['fault'] === "delay#$rule"
        || array_filter($x['members'], fn ($m) => $m['fault'] === "delay#$rule") !== []) !== [], 180)), "\n";
    im_show_journal($f);
    im_where($f);

    echo "--- the next run\n";
    $since = im_seq($f);
    $c = im_child($f, []);
    im_show_child($f, 'run', $c);
    im_show_calls($f);
    echo "batches and location listings:\n  ", implode("\n  ", array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '$batch')
        || str_contains($l, '$filter=receivedDateTime'))), "\n";
    im_where($f);
    im_show_journal($f);
}
?>
--EXPECT--
=== killed during the listing of the Inbox asking where the messages are
request arrived: true, child: killed by signal 9
mock answered it: true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
--- the next run
run: exit 0
imported=3 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
batches and location listings:
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201]
  POST /$batch -> 200 [GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 200
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
=== killed during the $batch of moves
request arrived: true, child: killed by signal 9
mock answered it: true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
Inbox: Invoice 3, No attachment, fixture
Exported: Invoice 1, Invoice 2
Error: 
--- the next run
run: exit 0
imported=3 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
batches and location listings:
  POST /$batch -> 200 [GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 200
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
