--TEST--
Importer::run(): when Graph's answer does not say where a journaled message is (no parentFolderId), the journal entry is kept (deferred), never guessed away as "vanished" — the next run would import it again
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$im = im_importer($f, ['max_messages' => 2]);
// The first $batch fetches the messages ahead (its failure only makes the handlers download them),
// the second asks where they are: both fail.
$f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'status' => 503, 'times' => 2]);
$r = $im->run(im_handler($f));
im_report($f, $r, false);
im_show_journal($f);

echo "--- Graph's answers lack parentFolderId\n";
$f->t->fault(['method' => 'GET', 'path' => 'parentFolderId', 'action' => 'rewrite', 'set' => ['parentFolderId' => null]]);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_journal($f);
im_where($f);

echo "--- and once they say it again\n";
$f->t->clearFaults();
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
?>
--EXPECT--
imported=0 failed=0 deferred=2 vanished=0 resumed=0 locked=false aborted=NULL
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
--- Graph's answers lack parentFolderId
imported=0 failed=0 deferred=2 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (could not check the message: Graph did not say where it is)
  Invoice 2: deferred (could not check the message: Graph did not say where it is)
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
--- and once they say it again
imported=2 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: imported
  No attachment: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
Inbox: fixture
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment
Error: 
