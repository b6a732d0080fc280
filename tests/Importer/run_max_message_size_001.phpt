--TEST--
Importer::run(): max_message_size — larger messages go to Error with reason too_large without a handler call; the limit itself is allowed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
im_add($f, 'Padded to 60 KB', ['attachments' => [['name' => 'a.pdf', 'content_type' => 'application/pdf', 'size' => 100]], 'pad_to' => 60000]);
$sizes = [];
foreach ($f->t->messagesIn(IM_ADMIN, 'inbox') as $m) {
    $sizes[] = $f->labels[$m['immutable_id']] . ' ' . ($m['size'] > 4500 ? '> 4500' : '<= 4500');
}
echo implode(', ', $sizes), "\n";
$r = im_importer($f, ['max_message_size' => 4500])->run(im_handler($f));
im_report($f, $r);
im_where($f, true);
im_show_calls($f);

echo "--- a message exactly max_message_size bytes is not too large (the too_large mail moved back by hand)\n";
$largest = max(array_column($f->t->messagesIn(IM_ADMIN, 'Error'), 'size'));
foreach ($f->t->messagesIn(IM_ADMIN, 'Error') as $m) {
    $f->t->deleteMessage($m['immutable_id'], 'Inbox');
}
im_clear_calls($f);
$r = im_importer($f, ['max_message_size' => $largest])->run(im_handler($f));
im_report($f, $r);
?>
--EXPECT--
Invoice 1 > 4500, Invoice 2 > 4500, Invoice 3 > 4500, No attachment <= 4500, fixture <= 4500, Padded to 60 KB > 4500
imported=2 failed=4 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: failed (too_large)
  Invoice 2: failed (too_large)
  Invoice 3: failed (too_large)
  No attachment: imported
  fixture: imported
  Padded to 60 KB: failed (too_large)
Inbox: 
Exported: No attachment, fixture
Error: Invoice 1 ["Import failed: too_large"], Invoice 2 ["Import failed: too_large"], Invoice 3 ["Import failed: too_large"], Padded to 60 KB ["Import failed: too_large"]
handler calls:
  No attachment start=1 done=1
  fixture start=1 done=1
--- a message exactly max_message_size bytes is not too large (the too_large mail moved back by hand)
imported=4 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  Padded to 60 KB: imported
