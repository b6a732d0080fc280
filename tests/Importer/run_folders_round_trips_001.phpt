--TEST--
Importer::run(): the folders resolve a level of the tree at a time — the top listing and the Inbox lookup together, then the childFolders listings of one level together: the basic mailbox (children under Inbox, Sync Issues and Inbox/Invoices) takes 3 round trips for its 5 folder GETs (each asked once), where one at a time took 5; `concurrency` 1 still sends them one by one (an empty Inbox: the run is the folders and one listing; 300 ms of latency per request in the mock — 20 times that under valgrind — so requests sent together overlap there)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
foreach ([4, 1] as $concurrency) {
    echo "--- concurrency $concurrency\n";
    $f = im_start(['tenants' => [(require __DIR__ . '/../mock-tenant/seeds/_contoso.php')([])]], ['concurrency' => $concurrency]);
    $f->t->setLatency(300 * MockTenant::slowdown());
    $since = im_seq($f);
    $r = im_importer($f)->run(im_handler($f));
    im_report($f, $r, false);
    // Everything before the Inbox listing resolves the folders.
    $before = [];
    $after = [];
    foreach (pf_graph($f, $since) as $x) {
        if ($after !== [] || preg_match('~/mailFolders/[^/]+/messages\?~', $x['target'])) {
            $after[] = "{$x['method']} " . im_path($f, $x['target']) . " -> {$x['status']}";
        } else {
            $before[] = $x;
        }
    }
    echo "folder requests:\n";
    foreach (im_sort_folder_walk(array_map(fn ($x) => "{$x['method']} " . im_path($f, $x['target']) . " -> {$x['status']}", $before)) as $line) {
        echo "  $line\n";
    }
    echo 'each asked once: ', json_encode(count(array_unique(array_column($before, 'target'))) === count($before)), "\n";
    echo 'round trips: ', pf_rounds($before), "\n";
    echo 'most in flight at once: ', pf_max_in_flight($before), "\n";
    echo 'then: ', json_encode($after, JSON_UNESCAPED_SLASHES), "\n";
}
?>
--EXPECT--
--- concurrency 4
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
folder requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
each asked once: true
round trips: 3
most in flight at once: 2
then: ["GET /mailFolders/*/messages -> 200"]
--- concurrency 1
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
folder requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
each asked once: true
round trips: 5
most in flight at once: 1
then: ["GET /mailFolders/*/messages -> 200"]
