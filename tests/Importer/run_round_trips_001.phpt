--TEST--
Importer::run(): round trips of an import — 30 messages take token-free Graph requests: folders, one listing, the MIME and attachments of all in 3 $batches (60 members, in flight together), where they are in one listing of the Inbox (receivedDateTime span) and their moves in 2 $batches; never more than `concurrency` requests in flight against the mailbox (observed in the mock's log and by its own count of mailbox slots, with 300 ms of latency per request), no 429 from its per-mailbox limit; every member asks for immutable ids itself
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
foreach ([4, 2] as $concurrency) {
    echo "--- concurrency $concurrency\n";
    $f = im_start('basic', ['concurrency' => $concurrency]);
    for ($i = 1; $i <= 25; $i++) {
        im_add($f, sprintf('Bulk %02d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 2000]]]);
    }
    // Every request takes 300 ms in the mock (its injected latency, spent holding the mailbox's
    // in-flight slot): batches sent together overlap there.
    $f->t->setLatency(300);
    $since = im_seq($f);
    $r = im_importer($f)->run(pf_handler($f));
    im_report($f, $r, false);
    $g = pf_graph($f, $since);
    $ks = [];
    foreach ($g as $x) {
        $k = "{$x['method']} " . im_path($f, $x['target']);
        if (im_is_location_listing($x['target'])) {
            $k .= ' ($filter=receivedDateTime: where they are)';
        }
        if ($x['members'] !== []) {
            $k .= ' of ' . implode('+', array_unique(array_map(fn ($m) => $m['method'] . ' '
                . preg_replace('~\{[^}]+\}~', '{id}', im_path($f, $m['target'])), $x['members'])));
        }
        $ks[] = $k;
    }
    $kinds = array_count_values(im_sort_folder_walk($ks));
    echo 'Graph requests: ', count($g), ' for ', count($r->items), " messages\n";
    foreach ($kinds as $k => $n) {
        echo "  $n × $k\n";
    }
    $members = array_merge(...array_map(fn ($x) => $x['members'], $g));
    echo 'members: ', count($members), ', each with its own Prefer header: ',
        json_encode(array_unique(array_column($members, 'prefer'))), "\n";
    echo 'most in flight at once: ', pf_max_in_flight($g), "\n";
    echo 'most in flight as the mock counted its mailbox slots: ', $f->t->maxInFlight(IM_ADMIN), "\n";
    echo 'answered 429: ', count(array_filter($g, fn ($x) => $x['status'] === 429)), "\n";
    echo 'handler downloads that went to Graph: ', count(array_filter($g, fn ($x) => str_contains($x['target'], '/$value')
        || str_contains($x['target'], '/attachments'))), "\n";
    im_where($f);
}
?>
--EXPECT--
--- concurrency 4
imported=30 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
Graph requests: 12 for 30 messages
  1 × GET /mailFolders
  3 × GET /mailFolders/*/childFolders
  1 × GET /mailFolders/Inbox
  1 × GET /mailFolders/*/messages
  3 × POST /$batch of GET /messages/{id}/$value+GET /messages/{id}/attachments
  1 × GET /mailFolders/*/messages ($filter=receivedDateTime: where they are)
  2 × POST /$batch of POST /messages/{id}/move
members: 90, each with its own Prefer header: ["IdType=\"ImmutableId\""]
most in flight at once: 3
most in flight as the mock counted its mailbox slots: 3
answered 429: 0
handler downloads that went to Graph: 0
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Bulk 01, Bulk 02, Bulk 03, Bulk 04, Bulk 05, Bulk 06, Bulk 07, Bulk 08, Bulk 09, Bulk 10, Bulk 11, Bulk 12, Bulk 13, Bulk 14, Bulk 15, Bulk 16, Bulk 17, Bulk 18, Bulk 19, Bulk 20, Bulk 21, Bulk 22, Bulk 23, Bulk 24, Bulk 25
Error: 
--- concurrency 2
imported=30 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
Graph requests: 12 for 30 messages
  1 × GET /mailFolders
  3 × GET /mailFolders/*/childFolders
  1 × GET /mailFolders/Inbox
  1 × GET /mailFolders/*/messages
  3 × POST /$batch of GET /messages/{id}/$value+GET /messages/{id}/attachments
  1 × GET /mailFolders/*/messages ($filter=receivedDateTime: where they are)
  2 × POST /$batch of POST /messages/{id}/move
members: 90, each with its own Prefer header: ["IdType=\"ImmutableId\""]
most in flight at once: 2
most in flight as the mock counted its mailbox slots: 2
answered 429: 0
handler downloads that went to Graph: 0
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Bulk 01, Bulk 02, Bulk 03, Bulk 04, Bulk 05, Bulk 06, Bulk 07, Bulk 08, Bulk 09, Bulk 10, Bulk 11, Bulk 12, Bulk 13, Bulk 14, Bulk 15, Bulk 16, Bulk 17, Bulk 18, Bulk 19, Bulk 20, Bulk 21, Bulk 22, Bulk 23, Bulk 24, Bulk 25
Error: 
