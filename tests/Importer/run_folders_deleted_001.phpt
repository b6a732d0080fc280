--TEST--
Importer::run(): folders are resolved on every run — Exported deleted during a run keeps the imported mail in the journal (not "vanished", not imported again); missing → FolderNotFoundException before any message is touched; recreated → the next run finishes the moves into the new folder
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$firstExported = $f->t->addFolder(IM_ADMIN, 'Old exports')['id'];   // unused: ids are never reused below
$im = im_importer($f, ['max_messages' => 3]);

echo "--- a person deletes the (empty) Exported folder while Invoice 1 is imported\n";
$r = $im->run(im_handler($f, ['before' => ['Invoice 1' => fn () => $f->t->deleteFolder(IM_ADMIN, 'Exported')]]));
im_report($f, $r);
im_where($f);
im_show_journal($f);

echo "--- next run, Exported still missing: the resolveFolder exception, no message request\n";
$since = im_seq($f);
try {
    $im->run(im_handler($f));
} catch (SqzGraph\FolderNotFoundException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'message requests: ', json_encode(array_values(array_filter(im_requests($f, $since), fn ($l) => !str_contains($l, 'mailFolders')))), "\n";
im_show_journal($f);

echo "--- Exported recreated (a new id): the moves are finished there, the handler is not called again\n";
$new = $f->t->addFolder(IM_ADMIN, 'Exported')['id'];
im_clear_calls($f);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
im_show_journal($f);

echo "--- recreated between runs once more: the same Importer object uses the newest folder\n";
$f->t->deleteFolder(IM_ADMIN, 'Exported');
foreach (['Invoice 1', 'Invoice 2', 'Invoice 3', 'No attachment', 'fixture'] as $label) {
    $f->deleted[im_id($f, $label)] = true;   // deleted with their folder
}
$newer = $f->t->addFolder(IM_ADMIN, 'Exported')['id'];
echo 'new ids: ', json_encode($new !== $newer && $newer !== $firstExported), "\n";
im_add($f, 'New mail 1');
im_add($f, 'New mail 2');
$r = $im->run(im_handler($f));
im_report($f, $r);
im_where($f);
$exported = array_values(array_filter($f->t->folderContents(IM_ADMIN)['folders'], fn ($x) => $x['path'] === 'Exported'))[0];
echo 'in the newest Exported: ', json_encode($exported['id'] === $newer), "\n";
?>
--EXPECT--
--- a person deletes the (empty) Exported folder while Invoice 1 is imported
imported=0 failed=0 deferred=3 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (move pending: the exported folder 'Exported' no longer exists; the next run looks it up again)
  Invoice 2: deferred (move pending: the exported folder 'Exported' no longer exists; the next run looks it up again)
  Invoice 3: deferred (move pending: the exported folder 'Exported' no longer exists; the next run looks it up again)
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1"]
--- next run, Exported still missing: the resolveFolder exception, no message request
SqzGraph\FolderNotFoundException: exported 'Exported' was not found in the mailbox; check the name, or give a path such as Inbox/Invoices
message requests: []
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1"]
--- Exported recreated (a new id): the moves are finished there, the handler is not called again
imported=2 failed=0 deferred=0 vanished=0 resumed=3 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: imported
  fixture: imported
handler calls:
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
--- recreated between runs once more: the same Importer object uses the newest folder
new ids: true
imported=2 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  New mail 1: imported
  New mail 2: imported
Inbox: 
Exported: New mail 1, New mail 2
Error: 
in the newest Exported: true
