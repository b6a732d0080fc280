--TEST--
Importer::run(): a message deleted or moved away by a person during the run is "vanished", not an error — never pulled back into Exported, never sent to Error
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
// Over the prefetch threshold (2 MiB): its attachment check goes to Graph when its turn comes.
im_add($f, 'Deleted before its attachment check', ['attachments' => [['name' => 'a.pdf', 'content_type' => 'application/pdf', 'size' => 10]], 'pad_to' => 3 << 20]);
// A person deletes 'No attachment' right after the importer listed the Inbox (mock fault delete_message) ...
$f->t->fault(['method' => 'GET', 'path' => '/messages\?', 'action' => 'delete_message', 'message_id' => im_id($f, 'No attachment'), 'times' => 1]);
$f->deleted[im_id($f, 'No attachment')] = true;
// ... and while Invoice 1 is imported, deletes Invoice 2, moves Invoice 3 to Inbox/Invoices and deletes the last one.
$r = im_importer($f, ['require_attachments' => true])->run(im_handler($f, ['before' => ['Invoice 1' => function () use ($f) {
    im_delete($f, 'Invoice 2');
    im_delete($f, 'Invoice 3', 'Inbox/Invoices');
    im_delete($f, 'Deleted before its attachment check');
}]]));
im_report($f, $r);
im_where($f, true);
im_show_calls($f);
im_show_journal($f);

echo "--- the handler's own download hits the deletion (404): still vanished, not failed\n";
im_clear_calls($f);
im_add($f, 'First');
im_add($f, 'Deleted under the handler', ['pad_to' => 3 << 20]);    // streamed by the handler, not fetched ahead
$r = im_importer($f)->run(im_handler($f, ['before' => ['First' => fn () => im_delete($f, 'Deleted under the handler')]]));
im_report($f, $r);
im_show_calls($f);
im_where($f, true);
?>
--EXPECT--
imported=2 failed=0 deferred=0 vanished=4 resumed=0 locked=false aborted=NULL
  Deleted before its attachment check: vanished (the message was moved or deleted by someone else)
  Invoice 1: imported
  Invoice 2: vanished (the message was moved or deleted by someone else)
  Invoice 3: vanished (the message was moved to another folder by someone else)
  No attachment: vanished (the message was moved or deleted by someone else)
  fixture: imported
Inbox: 
Exported: Invoice 1, fixture
Error: 
Inbox/Invoices: Invoice 3
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  fixture start=1 done=1
journal: []
--- the handler's own download hits the deletion (404): still vanished, not failed
imported=1 failed=0 deferred=0 vanished=1 resumed=0 locked=false aborted=NULL
  First: imported
  Deleted under the handler: vanished (the message was moved or deleted by someone else)
handler calls:
  First start=1 done=1
  Deleted under the handler start=1 done=0
Inbox: 
Exported: Invoice 1, fixture, First
Error: 
Inbox/Invoices: Invoice 3
