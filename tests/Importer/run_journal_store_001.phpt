--TEST--
Importer::run(): the journal in the Store — sealed under encryption_key like every record, still resumed from; an unreadable journal stops the run with a StoreException before any message is touched (never guessed as empty)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic', ['encryption_key' => 'a key of the deployment, long enough']);
$store = new SqzGraph\FileStore($f->storeDir);
$f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'status' => 503]);
$im = im_importer($f, ['max_messages' => 2]);
$r = $im->run(im_handler($f));
im_report($f, $r, false);
$raw = $store->get('import.journal');
echo 'journal on disk is JSON: ', json_encode(json_decode((string) $raw) !== null), ', names a message: ',
    json_encode(str_contains((string) $raw, 'Invoice') || str_contains((string) $raw, 'imported')), "\n";
$f->t->clearFaults();
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);

echo "--- a journal that cannot be read\n";
$f = im_start('basic');
$store = new SqzGraph\FileStore($f->storeDir);
foreach (['{"v":1,"entries":', '{"v":1}', '[]'] as $bad) {
    $store->put('import.journal', $bad);
    $since = im_seq($f);
    try {
        im_importer($f)->run(function () { echo "handler called\n"; });
        echo "no exception\n";
    } catch (SqzGraph\StoreException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    echo 'message requests: ', json_encode(array_values(array_filter(im_requests($f, $since), fn ($l) => !str_contains($l, 'mailFolders')))), "\n";
    echo 'journal kept: ', json_encode($store->get('import.journal') === $bad), "\n";
}
im_where($f);
?>
--EXPECT--
imported=0 failed=0 deferred=2 vanished=0 resumed=0 locked=false aborted=NULL
journal on disk is JSON: false, names a message: false
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
--- a journal that cannot be read
SqzGraph\StoreException: the import journal in the Store is unreadable; restore it from a backup, or delete the record 'import.journal' after checking the Inbox by hand
message requests: []
journal kept: true
SqzGraph\StoreException: the import journal in the Store is unreadable; restore it from a backup, or delete the record 'import.journal' after checking the Inbox by hand
message requests: []
journal kept: true
SqzGraph\StoreException: the import journal in the Store is unreadable; restore it from a backup, or delete the record 'import.journal' after checking the Inbox by hand
message requests: []
journal kept: true
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
